package io.devopsparadise.instances.runtime;

import io.devopsparadise.instances.profiles.BackendProfiles;
import io.devopsparadise.instances.profiles.EngineChoice;
import io.devopsparadise.instances.profiles.InstanceProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The environment a local process gets: an explicit allow-list, never the platform's own environment, which
 * holds its credentials ({@code PARADISE_*}) and whatever the operator exported before starting it.
 */
@Component
public class InstanceEnvironment {

    /** Taken from the platform's environment when set: they say how to format text, never grant anything. */
    static final List<String> PASSED_THROUGH = List.of("HOME", "LANG", "LC_ALL", "TERM", "TZ");

    private final Map<String, String> base;

    @Autowired
    public InstanceEnvironment(InstanceProperties properties, BackendProfiles profiles) {
        this(
                withProgramDirectories(
                        properties.instancePath(), profiles, System.getenv().getOrDefault("PATH", "")),
                System.getenv());
    }

    /**
     * The configured PATH, followed by the directories where the process profiles' own programs are found on the
     * platform's PATH: a server started as {@code node} from ~/.nvm must find {@code node} and {@code npm} again
     * when it, or a tool run in it, starts them by name.
     */
    static String withProgramDirectories(String path, BackendProfiles profiles, String platformPath) {
        Set<String> directories = new LinkedHashSet<>(List.of(path.split(":")));
        profiles.all().values().stream()
                .filter(profile -> profile.engine() != EngineChoice.DOCKER
                        && !profile.command().isEmpty())
                .map(profile -> profile.command().get(0))
                .filter(program -> !program.contains("/"))
                .forEach(program -> Stream.of(platformPath.split(":"))
                        .filter(dir -> !dir.isBlank() && Files.isExecutable(Path.of(dir, program)))
                        .findFirst()
                        .ifPresent(directories::add));
        return String.join(":", directories);
    }

    public InstanceEnvironment(String path, Map<String, String> platform) {
        Map<String, String> allowed = new TreeMap<>();
        PASSED_THROUGH.forEach(name -> {
            if (platform.containsKey(name)) {
                allowed.put(name, platform.get(name));
            }
        });
        allowed.put("PATH", path);
        this.base = Map.copyOf(allowed);
    }

    /** The allow-list, then each layer in turn (the profile's env, an exec request's env), later ones winning. */
    @SafeVarargs
    public final Map<String, String> with(Map<String, String>... layers) {
        Map<String, String> env = new TreeMap<>(base);
        for (Map<String, String> layer : layers) {
            env.putAll(layer);
        }
        return env;
    }

    /** Replaces a process builder's inherited environment with this one. */
    @SafeVarargs
    public final ProcessBuilder applyTo(ProcessBuilder builder, Map<String, String>... layers) {
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(with(layers));
        return builder;
    }
}
