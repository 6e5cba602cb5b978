package io.devopsparadise.quality.detection;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What a workspace holds, as far as choosing tools goes.
 *
 * @param stacks      python, javascript, maven, shell
 * @param shellScripts shell scripts, relative to the workspace
 * @param pythonFiles  Python sources, relative to the workspace
 */
public record DetectedWorkspace(Path root, Set<String> stacks, List<String> shellScripts, List<String> pythonFiles) {

    public DetectedWorkspace {
        stacks = Set.copyOf(stacks);
        shellScripts = List.copyOf(shellScripts);
        pythonFiles = List.copyOf(pythonFiles);
    }

    public boolean has(String stack) {
        return stacks.contains(stack);
    }
}
