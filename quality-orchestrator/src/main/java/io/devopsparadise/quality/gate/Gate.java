package io.devopsparadise.quality.gate;

import io.devopsparadise.contracts.quality.BaselineFindings;
import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.ToolOutcome;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Marks what a run introduced since its baseline: findings whose fingerprint occurs more often than in the baseline
 * (counted as a multiset, so one more copy of an existing finding is new), and failing tests that did not fail there.
 */
public final class Gate {

    private final Map<String, Integer> remaining;
    private final Set<String> failedBefore;

    public Gate(BaselineFindings baseline) {
        this.remaining = new HashMap<>(baseline.findings());
        this.failedBefore = new HashSet<>(baseline.failingTests());
    }

    public ToolOutcome marked(ToolOutcome outcome) {
        List<Finding> findings = outcome.findings().stream().map(this::marked).toList();
        List<TestCaseResult> tests = outcome.tests().stream()
                .map(t -> t.failing() ? t.markedNew(!failedBefore.contains(outcome.tool() + " " + t.key())) : t)
                .toList();
        return new ToolOutcome(
                outcome.tool(),
                outcome.category(),
                outcome.status(),
                outcome.durationMillis(),
                outcome.detail(),
                tests,
                outcome.coverage(),
                findings,
                outcome.performance(),
                outcome.advisory(),
                outcome.cachedFrom());
    }

    private Finding marked(Finding finding) {
        int left = remaining.getOrDefault(finding.fingerprint(), 0);
        if (left > 0) {
            remaining.put(finding.fingerprint(), left - 1);
            return finding.markedNew(false);
        }
        return finding.markedNew(true);
    }
}
