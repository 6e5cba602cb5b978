package io.devopsparadise.quality.insights.history;

/**
 * Bounds on reading a history, whose size the workspace's owner chooses.
 *
 * @param maxCommits        the newest commits read; older ones are left out
 * @param maxFilesPerCommit files of one commit whose lines are counted (the first by path); the rest are left out
 * @param maxFileBytes      a larger file counts as binary: its lines are not counted
 */
public record HistoryLimits(int maxCommits, int maxFilesPerCommit, int maxFileBytes) {

    public static final HistoryLimits DEFAULT = new HistoryLimits(5000, 300, 1024 * 1024);

    public HistoryLimits {
        if (maxCommits < 1 || maxFilesPerCommit < 1 || maxFileBytes < 1) {
            throw new IllegalArgumentException("history limits must be positive");
        }
    }
}
