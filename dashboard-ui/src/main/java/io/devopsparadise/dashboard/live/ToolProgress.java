package io.devopsparadise.dashboard.live;

/**
 * One tool of a run as the run page shows it while the run executes.
 *
 * @param status RUNNING until it finished, then PASSED, FAILED, SKIPPED or ERROR
 */
public record ToolProgress(String tool, String status, int tests, int failures, int findings) {

    public boolean running() {
        return "RUNNING".equals(status);
    }
}
