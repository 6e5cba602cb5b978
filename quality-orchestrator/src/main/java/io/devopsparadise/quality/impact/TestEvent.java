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

    boolean failed() {
        return "failed".equals(outcome);
    }
}
