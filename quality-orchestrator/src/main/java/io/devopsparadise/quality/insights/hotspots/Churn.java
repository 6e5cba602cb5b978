package io.devopsparadise.quality.insights.hotspots;

import io.devopsparadise.quality.insights.history.ChangedFile;
import io.devopsparadise.quality.insights.history.CommitChange;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often each file changed in a window of time ending at the newest commit (not at today: a quiet repository still
 * shows where its last work went). A renamed file's commits count under its newest name.
 */
public final class Churn {

    private Churn() {}

    /** Per file (its newest path), the commits that touched it in the window. */
    public static Map<String, Integer> commitsPerFile(List<CommitChange> oldestFirst, Duration window) {
        Map<String, Integer> churn = new HashMap<>();
        if (oldestFirst.isEmpty()) {
            return churn;
        }
        Instant end = oldestFirst.get(oldestFirst.size() - 1).time();
        Instant start = end.minus(window);
        Map<String, String> newestName = new HashMap<>();
        for (int i = oldestFirst.size() - 1; i >= 0; i--) {
            CommitChange commit = oldestFirst.get(i);
            boolean inWindow = !commit.time().isBefore(start);
            for (ChangedFile file : commit.files()) {
                String name = newestName.getOrDefault(file.path(), file.path());
                if (inWindow) {
                    churn.merge(name, 1, Integer::sum);
                }
                if (file.oldPath() != null && !file.oldPath().equals(file.path())) {
                    newestName.put(file.oldPath(), name);
                }
            }
        }
        return churn;
    }
}
