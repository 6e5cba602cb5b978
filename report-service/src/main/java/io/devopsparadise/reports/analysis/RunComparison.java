package io.devopsparadise.reports.analysis;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.TestStatus;
import io.devopsparadise.reports.store.StoredRun;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed from a base run to a head run. Tests are matched by tool, suite and name; findings by tool, rule,
 * file and message (not line: code above a finding moves it), as many times as they occur.
 *
 * @param coverageDelta head's line rate minus base's; null unless both measured coverage
 */
public record RunComparison(String baseId, String headId, List<TestCaseResult> newFailures, List<TestCaseResult> fixedFailures,
                            List<Finding> newFindings, List<Finding> fixedFindings, Double coverageDelta, int scoreDelta) {

    public static RunComparison of(StoredRun base, StoredRun head) {
        Map<String, TestCaseResult> baseFailures = failures(base.result());
        Map<String, TestCaseResult> headFailures = failures(head.result());
        Map<String, TestCaseResult> headTests = tests(head.result());
        Map<String, Finding> baseFindings = findings(base.result());
        Map<String, Finding> headFindings = findings(head.result());
        Double baseRate = base.summary().lineRate();
        Double headRate = head.summary().lineRate();
        return new RunComparison(base.summary().id(), head.summary().id(),
                headFailures.entrySet().stream().filter(e -> !baseFailures.containsKey(e.getKey())).map(Map.Entry::getValue).toList(),
                baseFailures.keySet().stream().filter(key -> headTests.containsKey(key) && !headFailures.containsKey(key))
                        .map(headTests::get).toList(),
                headFindings.entrySet().stream().filter(e -> !baseFindings.containsKey(e.getKey())).map(Map.Entry::getValue).toList(),
                baseFindings.entrySet().stream().filter(e -> !headFindings.containsKey(e.getKey())).map(Map.Entry::getValue).toList(),
                baseRate == null || headRate == null ? null : headRate - baseRate,
                head.summary().score() - base.summary().score());
    }

    private static Map<String, TestCaseResult> tests(QualityRunResult run) {
        Map<String, TestCaseResult> tests = new LinkedHashMap<>();
        run.tools().forEach(tool -> tool.tests().forEach(test -> tests.putIfAbsent(tool.tool() + "|" + test.suite() + "|" + test.name(), test)));
        return tests;
    }

    private static Map<String, TestCaseResult> failures(QualityRunResult run) {
        Map<String, TestCaseResult> failures = new LinkedHashMap<>();
        tests(run).forEach((key, test) -> {
            if (test.status() == TestStatus.FAILED || test.status() == TestStatus.ERROR) {
                failures.put(key, test);
            }
        });
        return failures;
    }

    /** Identical findings on different lines are told apart by their order: the n-th of them is key#n. */
    private static Map<String, Finding> findings(QualityRunResult run) {
        Map<String, Finding> findings = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        run.tools().forEach(tool -> tool.findings().forEach(f -> {
            String key = String.join("|", f.tool(), Objects.toString(f.rule()), Objects.toString(f.file()), f.message());
            findings.put(key + "#" + seen.merge(key, 1, Integer::sum), f);
        }));
        return findings;
    }
}
