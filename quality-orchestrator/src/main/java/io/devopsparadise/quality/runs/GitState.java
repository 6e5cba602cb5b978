package io.devopsparadise.quality.runs;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The commit and branch a workspace is at, read with JGit (the workspace or a parent holds the repository).
 *
 * @param branch null when HEAD is detached
 */
record GitState(String commit, String branch) {

    static Optional<GitState> of(Path workspace) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(workspace.toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try (Repository repository = builder.build()) {
            ObjectId head = repository.resolve("HEAD");
            if (head == null) {
                return Optional.empty();
            }
            String branch = repository.getBranch();
            return Optional.of(new GitState(head.name(), head.name().equals(branch) ? null : branch));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
