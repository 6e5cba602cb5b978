package io.devopsparadise.dashboard.live;

import io.devopsparadise.contracts.quality.QualityEvent;
import io.devopsparadise.contracts.quality.ToolStatus;

/**
 * One tool of a run as the run page shows it while the run executes.
 *
 * @param status null while it runs, then how it ended
 */
public record ToolProgress(String tool, ToolStatus status, int tests, int failures, int findings) {

    public static ToolProgress running(String tool) {
        return new ToolProgress(tool, null, 0, 0, 0);
    }

    public boolean running() {
        return status == null;
    }

    /** RUNNING, or how it ended. */
    public String label() {
        return running() ? QualityEvent.TOOL_RUNNING : status.name();
    }
}
