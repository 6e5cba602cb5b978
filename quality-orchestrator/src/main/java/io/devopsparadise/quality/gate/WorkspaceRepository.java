package io.devopsparadise.quality.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The Git repository of a workspace, when it lies wholly inside it: a real {@code .git} directory at the workspace's
 * root, not a link, not a gitfile ({@code gitdir: …}), without a {@code commondir} or object alternates, which could all
 * point the orchestrator's reads at another directory of the host. Parent directories and GIT_* variables are ignored.
 * A worktree made with {@code git worktree add} is therefore not read (no commit, no changed lines).
 */
public final class WorkspaceRepository {

    private static final List<String> LEADING_OUT =
            List.of("commondir", "objects/info/alternates", "objects/info/http-alternates");

    private WorkspaceRepository() {}

    public static Optional<Repository> open(Path workspace) throws IOException {
        Path gitDir = workspace.resolve(".git");
        if (!Files.isDirectory(gitDir, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        for (String file : LEADING_OUT) {
            if (Files.exists(gitDir.resolve(file), LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
        }
        for (String dir : List.of("objects", "refs")) {
            Path step = gitDir.resolve(dir);
            if (Files.isSymbolicLink(step)) {
                return Optional.empty();
            }
        }
        return Optional.of(new FileRepositoryBuilder()
                .setGitDir(gitDir.toFile())
                .setWorkTree(workspace.toFile())
                .setMustExist(true)
                .build());
    }
}
