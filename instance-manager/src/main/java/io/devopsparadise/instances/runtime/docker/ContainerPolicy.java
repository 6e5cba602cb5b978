package io.devopsparadise.instances.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.devopsparadise.instances.profiles.BackendProfile;
import io.devopsparadise.instances.runtime.InstanceRefusedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a container must satisfy before it is created: a pinned image where required, and no root on a root-owned workspace. */
final class ContainerPolicy {

    private final DockerClient docker;

    ContainerPolicy(DockerClient docker) {
        this.docker = docker;
    }

    void check(BackendProfile profile, ContainerSpec spec, Path workspace) {
        if (profile.requireDigest() && !profile.imagePinned()) {
            throw new InstanceRefusedException(
                    "profile " + profile.name() + " requires an image pinned by digest, but its image is "
                            + profile.image()
                            + "; set it to the image@sha256:… you trust (docker image inspect -f '{{index .RepoDigests 0}}' "
                            + profile.image() + " shows the digest of the image pulled here)");
        }
        if (ownerUid(workspace) == 0 && runsAsRoot(spec)) {
            throw new InstanceRefusedException(
                    "workspace " + workspace + " is owned by root, and profile " + profile.name()
                            + " would run its container as root"
                            + (spec.user() == null ? " (the image's default user)" : " (user " + spec.user() + ")")
                            + "; a root container could change anything root owns there. Give the workspace to the developer"
                            + " (chown) or set the profile's user to an unprivileged uid:gid");
        }
    }

    private boolean runsAsRoot(ContainerSpec spec) {
        String user = spec.user() == null ? imageUser(spec.image()) : spec.user();
        String name = user == null ? "" : user.split(":", 2)[0];
        return name.isEmpty() || name.equals("0") || name.equals("root");
    }

    /** The image's configured user; when the image is missing, creating the container fails with its own clear error. */
    private String imageUser(String image) {
        try {
            var config = docker.inspectImageCmd(image).exec().getConfig();
            return config == null ? null : config.getUser();
        } catch (NotFoundException e) {
            return "unknown:image-missing";
        }
    }

    private static int ownerUid(Path workspace) {
        try {
            return (Integer) Files.getAttribute(workspace, "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            throw new InstanceRefusedException(
                    "cannot read the owner of workspace " + workspace + ": " + e.getMessage());
        }
    }
}
