package io.devopsparadise.instances.lifecycle;

import io.devopsparadise.instances.profiles.BackendProfiles;
import io.devopsparadise.instances.profiles.InstanceProperties;
import io.devopsparadise.instances.runtime.LaunchSpec;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** Builds the launch spec of an instance from its profile, ports and the data directory. */
@Component
class LaunchSpecs {

    private final BackendProfiles profiles;
    private final Installation installation;
    private final Path home;

    LaunchSpecs(BackendProfiles profiles, Installation installation, InstanceProperties properties) {
        this.profiles = profiles;
        this.installation = installation;
        this.home = properties.home();
    }

    LaunchSpec of(Instance instance) {
        var profile = profiles.get(instance.profile());
        return new LaunchSpec(
                instance.id(),
                instance.clientId(),
                installation.id(),
                instance.limits() == null ? profile : profile.withLimits(instance.limits()),
                instance.workspace(),
                instance.ports(),
                home,
                home.resolve("logs/instances/" + instance.id() + ".log"));
    }

    String mcpUrl(String profile, java.util.Map<String, Integer> ports) {
        var backend = profiles.get(profile);
        return "http://127.0.0.1:" + ports.get(backend.mcpPort()) + backend.mcpPath();
    }
}
