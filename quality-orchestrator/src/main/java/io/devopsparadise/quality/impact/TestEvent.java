package io.devopsparadise.quality.impact;

/**
 * One test phase's report, as the run's pytest plugin writes it the moment the phase ends.
 *
 * @param id      the pytest node id
 * @param when    setup, call or teardown
 * @param outcome passed, failed or skipped
 * @param message the first line of a failure, bounded; null otherwise
 */
record TestEvent(String id, String when, String outcome, double seconds, String message) {

    static final String SESSION = "session";

    boolean failed() {
        return "failed".equals(outcome) && !isSessionEnd();
    }

    /** The line the plugin writes when the session ends: whether pytest stopped before running every collected test. */
    boolean isSessionEnd() {
        return SESSION.equals(when);
    }

    boolean stoppedEarly() {
        return isSessionEnd() && "stopped".equals(outcome);
    }
}
