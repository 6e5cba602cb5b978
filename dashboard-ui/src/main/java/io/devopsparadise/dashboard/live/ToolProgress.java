package io.devopsparadise.dashboard.live;

import io.devopsparadise.contracts.quality.QualityEvent;
import io.devopsparadise.contracts.quality.ToolStatus;

/**
 * One tool of a run as the run page shows it while the run executes.
 *
 * @param status how it ended once finished; null while it runs, or when it ended in a status this version does not know
 */
public record ToolProgress(String tool, boolean finished, ToolStatus status, int tests, int failures, int findings) {

    public static ToolProgress running(String tool) {
        return new ToolProgress(tool, false, null, 0, 0, 0);
    }

    public static ToolProgress finished(String tool, ToolStatus status, int tests, int failures, int findings) {
        return new ToolProgress(tool, true, status, tests, failures, findings);
    }

    public boolean running() {
        return !finished;
    }

    /** RUNNING, how it ended, or UNKNOWN. */
    public String label() {
        return !finished ? QualityEvent.TOOL_RUNNING : status == null ? "UNKNOWN" : status.name();
    }
}
