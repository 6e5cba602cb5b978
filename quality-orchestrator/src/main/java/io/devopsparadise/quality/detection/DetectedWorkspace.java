package io.devopsparadise.quality.detection;

import io.devopsparadise.quality.projectrules.ProjectRules;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What a workspace holds, as far as choosing tools goes.
 *
 * @param stacks       python, javascript, jest, npm-lock, playwright, newman, maven, maven-wrapper, shell
 * @param shellScripts shell scripts, relative to the workspace
 * @param pythonFiles  Python sources, relative to the workspace
 * @param collections  Postman collections (*.postman_collection.json) and environments (*.postman_environment.json), relative
 * @param rules        what the project configures for its own tools (linters, pytest arguments, coverage)
 */
public record DetectedWorkspace(
        Path root,
        Set<String> stacks,
        List<String> shellScripts,
        List<String> pythonFiles,
        List<String> collections,
        ProjectRules rules) {

    /** A workspace that configures none of its tools. */
    public DetectedWorkspace(
            Path root,
            Set<String> stacks,
            List<String> shellScripts,
            List<String> pythonFiles,
            List<String> collections) {
        this(root, stacks, shellScripts, pythonFiles, collections, ProjectRules.none());
    }

    public DetectedWorkspace {
        stacks = Set.copyOf(stacks);
        shellScripts = List.copyOf(shellScripts);
        pythonFiles = List.copyOf(pythonFiles);
        collections = List.copyOf(collections);
        rules = rules == null ? ProjectRules.none() : rules;
    }

    public boolean has(String stack) {
        return stacks.contains(stack);
    }
}
