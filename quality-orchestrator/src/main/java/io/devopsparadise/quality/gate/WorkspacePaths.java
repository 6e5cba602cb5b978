package io.devopsparadise.quality.gate;

import java.nio.file.Path;
import java.util.List;

/** Turns the paths tools write (relative, "./"-prefixed, as the instance sees them, or as the host sees them) into workspace-relative ones. */
final class WorkspacePaths {

    private final Path root;
    private final String workspaceInInstance;

    WorkspacePaths(Path root, String workspaceInInstance) {
        this.root = root.toAbsolutePath().normalize();
        this.workspaceInInstance = workspaceInInstance;
    }

    Path root() {
        return root;
    }

    String relative(String file) {
        if (file == null) {
            return "";
        }
        String path = file.startsWith("file://") ? file.substring("file://".length()) : file;
        for (String prefix : List.of(workspaceInInstance + "/", root + "/")) {
            if (path.startsWith(prefix)) {
                path = path.substring(prefix.length());
            }
        }
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        return path;
    }

    /** A file a coverage report names relative to its source directory. */
    String relative(String source, String file) {
        if (source == null || source.isBlank() || file.startsWith("/")) {
            return relative(file);
        }
        String base = relative(source);
        return base.isEmpty() || base.equals(".") || base.equals(workspaceInInstance) || base.equals(root.toString())
                ? relative(file)
                : relative(base + "/" + file);
    }
}
