package io.devopsparadise.contracts.quality;

import java.util.Objects;

/**
 * One test case as a test report states it.
 *
 * @param file            source file of the test, when the report names it
 * @param failureMessage  the failure's or error's message; null when it passed or was skipped
 */
public record TestCaseResult(String suite, String name, String file, TestStatus status, double durationSeconds, String failureMessage) {

    public TestCaseResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }
}
