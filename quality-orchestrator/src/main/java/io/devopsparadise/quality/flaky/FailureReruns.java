package io.devopsparadise.quality.flaky;

import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.TestStatus;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.quality.ToolStatus;
import io.devopsparadise.quality.impact.ToolExec;
import io.devopsparadise.quality.reports.JunitXmlParser;
import io.devopsparadise.quality.runners.RerunnableTestRunner;
import io.devopsparadise.quality.runners.RunContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Confirms a test tool's failures before the verdict: the failed tests run again, up to {@code reruns} times, on the same
 * code. A test that passes once is FLAKY (reported with its first failure and the attempt it passed on, not judged); one
 * that fails every time stays a failure. The tool FAILED only for tests that turned out flaky is then PASSED, with a note.
 */
public final class FailureReruns {

    private final FlakyProperties properties;

    public FailureReruns(FlakyProperties properties) {
        this.properties = properties;
    }

    public ToolOutcome confirm(
            ToolOutcome outcome, RerunnableTestRunner runner, RunContext context, ToolExec exec, Duration timeout) {
        List<TestCaseResult> failed =
                outcome.tests().stream().filter(TestCaseResult::failing).toList();
        if (properties.reruns() == 0 || outcome.status() != ToolStatus.FAILED || failed.isEmpty()) {
            return outcome;
        }
        if (failed.size() > properties.maxTests()) {
            return noted(
                    outcome,
                    outcome.tests(),
                    failed.size() + " failed tests, more than paradise.quality.flaky.max-tests ("
                            + properties.maxTests() + "): not rerun");
        }
        Map<String, TestCaseResult> pending = new LinkedHashMap<>();
        runner.rerunnable(context, failed).forEach(test -> pending.put(test.key(), test));
        Map<String, Integer> passedOn = new HashMap<>();
        for (int attempt = 1; attempt <= properties.reruns() && !pending.isEmpty(); attempt++) {
            String report = runner.rerunReport(attempt);
            ExecResult result = exec.exec(
                    runner.rerunCommand(context, List.copyOf(pending.values()), report),
                    runner.rerunEnvironment(context, report),
                    timeout);
            if (result.timedOut()) {
                break;
            }
            Optional<List<TestCaseResult>> rerun = context.reports().parse(report, new JunitXmlParser()::parse);
            for (TestCaseResult test : rerun.orElse(List.of())) {
                if (test.status() == TestStatus.PASSED && pending.remove(test.key()) != null) {
                    passedOn.put(test.key(), attempt);
                }
            }
        }
        if (passedOn.isEmpty()) {
            return noted(
                    outcome,
                    outcome.tests(),
                    "failed tests rerun " + properties.reruns() + " time(s): they failed every time");
        }
        List<TestCaseResult> tests = new ArrayList<>();
        for (TestCaseResult test : outcome.tests()) {
            Integer attempt = passedOn.get(test.key());
            tests.add(
                    attempt == null
                            ? test
                            : new TestCaseResult(
                                    test.suite(),
                                    test.name(),
                                    test.file(),
                                    TestStatus.FLAKY,
                                    test.durationSeconds(),
                                    "failed, then passed on rerun " + attempt + " of " + properties.reruns() + ": "
                                            + test.failureMessage(),
                                    test.introduced()));
        }
        return noted(
                outcome,
                tests,
                passedOn.size() + " flaky test(s): failed, then passed when run again on the same code");
    }

    private static ToolOutcome noted(ToolOutcome outcome, List<TestCaseResult> tests, String note) {
        boolean failing = tests.stream().anyMatch(TestCaseResult::failing);
        ToolStatus status = outcome.status() == ToolStatus.FAILED && !failing ? ToolStatus.PASSED : outcome.status();
        return new ToolOutcome(
                outcome.tool(),
                outcome.category(),
                status,
                outcome.durationMillis(),
                outcome.detail() == null ? note : outcome.detail() + "; " + note,
                tests,
                outcome.coverage(),
                outcome.findings(),
                outcome.performance(),
                outcome.advisory(),
                outcome.cachedFrom());
    }
}
