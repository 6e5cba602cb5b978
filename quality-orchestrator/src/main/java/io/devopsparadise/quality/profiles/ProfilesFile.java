package io.devopsparadise.quality.profiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * The operator's custom quality profiles ({@code $PARADISE_HOME/quality-profiles.yml}): parsed as YAML into profiles and
 * nothing else. It is never Spring configuration: any key outside {@code paradise.quality.profiles} is refused, and
 * {@code ${…}} placeholders are not resolved.
 */
final class ProfilesFile {

    static final String PREFIX = "paradise.quality.profiles";
    private static final long MAX_BYTES = 1024 * 1024;

    private ProfilesFile() {}

    /** The file's profiles by name; none when there is no file. */
    static Map<String, QualityProperties.ProfileProperties> read(Path file) {
        if (file == null || !Files.exists(file)) {
            return Map.of();
        }
        Map<String, Object> entries = entries(file);
        if (entries.isEmpty()) {
            return Map.of();
        }
        try {
            return new Binder(new MapConfigurationPropertySource(entries))
                    .bind(PREFIX, Bindable.mapOf(String.class, QualityProperties.ProfileProperties.class))
                    .orElse(Map.of());
        } catch (BindException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new InvalidProfilesFileException(file, e.getName() + ": " + cause.getMessage());
        }
    }

    private static Map<String, Object> entries(Path file) {
        Map<String, Object> entries = new LinkedHashMap<>();
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                throw new InvalidProfilesFileException(file, "not a regular file of at most 1 MiB");
            }
            for (PropertySource<?> document :
                    new YamlPropertySourceLoader().load(file.toString(), new FileSystemResource(file))) {
                EnumerablePropertySource<?> keys = (EnumerablePropertySource<?>) document;
                for (String key : keys.getPropertyNames()) {
                    if (!key.startsWith(PREFIX + ".")) {
                        throw new InvalidProfilesFileException(
                                file,
                                key + ": not a profile setting; the file holds " + PREFIX + ".<name>.<setting> only");
                    }
                    entries.put(key, keys.getProperty(key));
                }
            }
        } catch (IOException | IllegalStateException e) {
            throw new InvalidProfilesFileException(file, "not valid YAML (" + e.getMessage() + ")");
        }
        return entries;
    }
}
