package io.devopsparadise.contracts.quality;

import java.util.Objects;

/**
 * One test case as a test report states it.
 *
 * @param file            source file of the test, when the report names it
 * @param failureMessage  the failure's or error's message; null when it passed or was skipped
 * @param introduced      for a failing test: true when it did not fail in the run's baseline, false when it failed there
 *                        too; null when it passed, or the run has no baseline
 */
public record TestCaseResult(
        String suite,
        String name,
        String file,
        TestStatus status,
        double durationSeconds,
        String failureMessage,
        Boolean introduced) {

    public TestCaseResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }

    public TestCaseResult(
            String suite, String name, String file, TestStatus status, double durationSeconds, String failureMessage) {
        this(suite, name, file, status, durationSeconds, failureMessage, null);
    }

    public boolean failing() {
        return status == TestStatus.FAILED || status == TestStatus.ERROR;
    }

    /** The test's identity across runs: its suite and name. */
    public String key() {
        return (suite == null ? "" : suite) + " › " + name;
    }

    public TestCaseResult markedNew(boolean isNew) {
        return new TestCaseResult(suite, name, file, status, durationSeconds, failureMessage, isNew);
    }

    public boolean wasIntroduced() {
        return Boolean.TRUE.equals(introduced);
    }
}
