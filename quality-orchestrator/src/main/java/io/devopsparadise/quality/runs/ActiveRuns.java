package io.devopsparadise.quality.runs;

import java.util.HashMap;
import java.util.Map;

/**
 * Admission of runs: one queued or running run per client and workspace, at most so many per client and in all, so
 * that no client can queue work without bound or crowd the others out.
 */
final class ActiveRuns {

    private final int perClient;
    private final int total;
    private final Map<String, String> byClientAndWorkspace = new HashMap<>();
    private final Map<String, Integer> perClientCount = new HashMap<>();

    ActiveRuns(int perClient, int total) {
        this.perClient = perClient;
        this.total = total;
    }

    synchronized void admit(QualityRun run) {
        String running = byClientAndWorkspace.get(key(run));
        if (running != null) {
            throw new RunAlreadyActiveException(running, run.clientId(), run.workspace());
        }
        int ofClient = perClientCount.getOrDefault(run.clientId(), 0);
        if (ofClient >= perClient) {
            throw new TooManyRunsException(
                    "client " + run.clientId() + " has " + ofClient + " run(s) queued or running, the most "
                            + "paradise.quality.max-runs-per-client allows; wait for one to finish");
        }
        if (byClientAndWorkspace.size() >= total) {
            throw new TooManyRunsException("the orchestrator has " + total + " runs queued or running, the most "
                    + "paradise.quality.max-active-runs allows; try again when one has finished");
        }
        byClientAndWorkspace.put(key(run), run.id());
        perClientCount.merge(run.clientId(), 1, Integer::sum);
    }

    synchronized void release(QualityRun run) {
        if (byClientAndWorkspace.remove(key(run), run.id())) {
            perClientCount.computeIfPresent(run.clientId(), (client, count) -> count > 1 ? count - 1 : null);
        }
    }

    private static String key(QualityRun run) {
        return run.clientId() + "\u0000" + run.workspace();
    }
}
