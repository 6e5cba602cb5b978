package io.devopsparadise.quality.insights;

import io.devopsparadise.quality.insights.history.HistoryLimits;
import io.devopsparadise.quality.insights.risk.LabelledHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Reads a repository's history once per HEAD (SZZ blames every fix, a few seconds for a thousand commits) and keeps the
 * most recently used few.
 */
final class WorkspaceHistories {

    private final HistoryLimits limits;
    private final Map<String, RepositoryInsight> cache;

    WorkspaceHistories(HistoryLimits limits, int kept) {
        this.limits = limits;
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RepositoryInsight> eldest) {
                return size() > kept;
            }
        });
    }

    HistoryLimits limits() {
        return limits;
    }

    RepositoryInsight of(Path workspace, Repository repository) throws IOException {
        ObjectId head = repository.resolve("HEAD");
        String key = workspace + "@" + (head == null ? "none" : head.name());
        RepositoryInsight known = cache.get(key);
        if (known != null) {
            return known;
        }
        try {
            return cache.computeIfAbsent(key, k -> read(repository));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private RepositoryInsight read(Repository repository) {
        try {
            return RepositoryInsight.of(LabelledHistory.read(repository, limits));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
