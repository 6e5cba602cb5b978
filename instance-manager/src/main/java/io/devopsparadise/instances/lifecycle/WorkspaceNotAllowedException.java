package io.devopsparadise.instances.lifecycle;

import java.nio.file.Path;
import java.util.List;

public class WorkspaceNotAllowedException extends RuntimeException {

    public WorkspaceNotAllowedException(Path workspace, List<Path> roots) {
        super("workspace " + workspace + " is outside the allowed roots " + roots
                + "; move it under one of them or add its parent to paradise.instances.allowed-workspace-roots");
    }
}
