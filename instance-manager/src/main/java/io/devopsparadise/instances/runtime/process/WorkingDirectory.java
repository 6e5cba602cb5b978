package io.devopsparadise.instances.runtime.process;

import java.nio.file.Path;

/** Resolves an exec's working directory, which must stay inside the workspace. */
final class WorkingDirectory {

    private WorkingDirectory() {}

    static Path inside(Path workspace, String requested) {
        if (requested == null || requested.isBlank()) {
            return workspace;
        }
        Path resolved = workspace.resolve(requested).normalize();
        if (!resolved.startsWith(workspace)) {
            throw new IllegalArgumentException("workdir '" + requested + "' leaves the workspace " + workspace);
        }
        return resolved;
    }
}
