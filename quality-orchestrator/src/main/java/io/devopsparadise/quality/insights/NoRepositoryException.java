package io.devopsparadise.quality.insights;

/** Insights read a workspace's Git history; this workspace has none that the orchestrator may read. */
public class NoRepositoryException extends RuntimeException {

    public NoRepositoryException(String workspace) {
        super(
                "the workspace " + workspace + " is not a Git repository with a .git directory of its own at its root"
                        + " (a worktree, a gitfile or object alternates are not read); insights need its history: run git init and commit");
    }
}
