package io.devopsparadise.instances.lifecycle;

import io.devopsparadise.instances.profiles.BackendProfile;
import io.devopsparadise.instances.profiles.BackendProfiles;
import io.devopsparadise.instances.profiles.InstanceProperties;
import io.devopsparadise.instances.runtime.InstanceRuntimes;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The profile of a request that names none: the configured {@code default-profile}, or with {@code auto} the best
 * this machine can run now. Serena where its image is; else the code backend in a container where its image is;
 * else the code backend as a process.
 */
@Component
public class DefaultBackend {

    public static final String AUTO = "auto";
    static final List<String> PREFERRED = List.of("serena", "code", "code-process");

    private final BackendProfiles profiles;
    private final InstanceRuntimes runtimes;
    private final String configured;

    DefaultBackend(BackendProfiles profiles, InstanceRuntimes runtimes, InstanceProperties properties) {
        this.profiles = profiles;
        this.runtimes = runtimes;
        this.configured = properties.defaultProfile();
    }

    /** The profile to use: the one asked for, else the default. */
    public BackendProfile resolve(String requested) {
        if (requested != null && !requested.isBlank()) {
            return profiles.get(requested);
        }
        if (!AUTO.equals(configured)) {
            return profiles.get(configured);
        }
        return PREFERRED.stream()
                .filter(name -> profiles.all().containsKey(name))
                .map(profiles::get)
                .filter(profile -> runtimes.forProfile(profile).canRun(profile))
                .findFirst()
                .orElseThrow(
                        () -> new InvalidRequestException(
                                "no backend profile can run here: " + PREFERRED
                                        + " need Serena's or the code backend's image on a running Docker engine, or the code backend's npm packages"
                                        + " (scripts/lib.sh ensure_code_backend); name a profile, or set paradise.instances.default-profile"));
    }
}
