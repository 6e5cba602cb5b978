package io.devopsparadise.quality.runs;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs held in memory: those queued or running (bounded by admission), and finished ones that could not be written
 * to disk, kept so that the report-service can still fetch them. Of the latter, only the newest {@code maxUnsaved} stay:
 * a disk that keeps failing must not grow memory without end.
 */
final class LiveRuns {

    private static final Logger log = LoggerFactory.getLogger(LiveRuns.class);

    private final Map<String, QualityRun> byId = new ConcurrentHashMap<>();
    private final int maxUnsaved;

    LiveRuns(int maxUnsaved) {
        this.maxUnsaved = maxUnsaved;
    }

    void add(QualityRun run) {
        byId.put(run.id(), run);
    }

    QualityRun get(String id) {
        return byId.get(id);
    }

    boolean contains(String id) {
        return byId.containsKey(id);
    }

    Collection<QualityRun> all() {
        return byId.values();
    }

    void remove(String id) {
        byId.remove(id);
    }

    /** A finished run stays in memory because it could not be saved; the oldest such runs beyond the bound are dropped. */
    void keepUnsaved(QualityRun run) {
        byId.put(run.id(), run);
        List<QualityRun> unsaved = byId.values().stream()
                .filter(QualityRun::isFinished)
                .sorted(Comparator.comparing(QualityRun::startedAt))
                .toList();
        for (QualityRun dropped : unsaved.subList(0, Math.max(0, unsaved.size() - maxUnsaved))) {
            byId.remove(dropped.id());
            log.error(
                    "quality run {} of client {} could not be saved and is dropped from memory: more than {} finished runs failed to be saved",
                    dropped.id(),
                    dropped.clientId(),
                    maxUnsaved);
        }
    }
}
