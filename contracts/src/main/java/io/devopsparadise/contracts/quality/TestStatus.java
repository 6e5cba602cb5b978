package io.devopsparadise.contracts.quality;

/**
 * How a test ended. FLAKY: it failed, then passed when run again on the same code (the orchestrator's reruns, or the
 * test tool's own, such as Surefire's rerunFailingTestsCount): reported, not judged as a failure.
 */
public enum TestStatus {
    PASSED,
    FAILED,
    ERROR,
    SKIPPED,
    FLAKY
}
