package io.devopsparadise.quality.runs;

import io.devopsparadise.quality.gate.WorkspaceRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

/**
 * The commit and branch a workspace is at, read with JGit from a repository that lies wholly inside the workspace
 * ({@link WorkspaceRepository}).
 *
 * @param branch        null when HEAD is detached
 * @param defaultBranch the repository's default branch: origin/HEAD's, else main, else master, else the checked-out one
 */
record GitState(String commit, String branch, String defaultBranch) {

    static Optional<GitState> of(Path workspace) {
        try (Repository repository = WorkspaceRepository.open(workspace).orElse(null)) {
            if (repository == null) {
                return Optional.empty();
            }
            ObjectId head = repository.resolve("HEAD");
            if (head == null) {
                return Optional.empty();
            }
            String branch = repository.getBranch();
            String current = head.name().equals(branch) ? null : branch;
            return Optional.of(new GitState(head.name(), current, defaultBranch(repository, current)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String defaultBranch(Repository repository, String current) throws IOException {
        Ref origin = repository.exactRef("refs/remotes/origin/HEAD");
        if (origin != null && origin.isSymbolic()) {
            return Repository.shortenRefName(origin.getTarget().getName()).replaceFirst("^origin/", "");
        }
        for (String name : new String[] {"main", "master"}) {
            if (repository.exactRef("refs/heads/" + name) != null) {
                return name;
            }
        }
        return current;
    }
}
