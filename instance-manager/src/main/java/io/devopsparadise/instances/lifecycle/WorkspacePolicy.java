package io.devopsparadise.instances.lifecycle;

import io.devopsparadise.instances.profiles.InstanceProperties;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A workspace must be an existing directory under one of the allowed roots, links resolved. */
@Component
class WorkspacePolicy {

    private final List<Path> roots;

    WorkspacePolicy(InstanceProperties properties) {
        this.roots = properties.allowedWorkspaceRoots().stream().map(WorkspacePolicy::real).toList();
    }

    Path check(String workspace) {
        if (workspace == null || workspace.isBlank()) {
            throw new InvalidRequestException("workspace is required: the absolute path of the client's project directory");
        }
        Path path = Path.of(workspace);
        if (!path.isAbsolute()) {
            throw new InvalidRequestException("workspace must be an absolute path, got '" + workspace + "'");
        }
        if (!Files.isDirectory(path)) {
            throw new InvalidRequestException("workspace " + workspace + " does not exist or is not a directory");
        }
        Path real = real(path);
        if (roots.stream().noneMatch(real::startsWith)) {
            throw new WorkspaceNotAllowedException(real, roots);
        }
        return real;
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
