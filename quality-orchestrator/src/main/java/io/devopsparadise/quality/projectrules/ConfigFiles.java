package io.devopsparadise.quality.projectrules;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * Reads the configuration files at a workspace's root, bounded: only regular files (a symbolic link could point
 * anywhere on the orchestrator's host), at most {@link #MAX_BYTES}, UTF-8. Each failure is an
 * {@link UnreadableConfigException} naming the file and, for malformed content, the line.
 */
final class ConfigFiles {

    static final long MAX_BYTES = 1024 * 1024;

    private final Path root;
    private final TomlMapper toml = TomlMapper.builder().build();

    ConfigFiles(Path root) {
        this.root = root;
    }

    boolean exists(String name) {
        return Files.exists(root.resolve(name), LinkOption.NOFOLLOW_LINKS);
    }

    /** The file's text, or empty when the workspace has no such file. */
    Optional<String> text(String name) {
        Path file = root.resolve(name);
        if (!exists(name)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnreadableConfigException(name, "not a regular file (a symbolic link or a directory); not read");
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new UnreadableConfigException(
                        name, "larger than 1 MiB (" + Files.size(file) + " bytes); not read");
            }
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString());
        } catch (CharacterCodingException e) {
            throw new UnreadableConfigException(name, "not UTF-8 text");
        } catch (IOException e) {
            throw new UnreadableConfigException(
                    name, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    Optional<IniFile> ini(String name) {
        return text(name).map(text -> IniFile.parse(text, name));
    }

    Optional<JsonNode> toml(String name) {
        return text(name).map(text -> parseToml(name, text));
    }

    private JsonNode parseToml(String name, String text) {
        try {
            return toml.readTree(text);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String why = e.getOriginalMessage() == null ? "malformed TOML" : firstLine(e.getOriginalMessage());
            throw at == null || at.getLineNr() < 1
                    ? new UnreadableConfigException(name, why)
                    : new UnreadableConfigException(name, at.getLineNr(), why);
        }
    }

    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse("malformed TOML");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
