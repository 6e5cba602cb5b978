package io.devopsparadise.contracts.quality;

import java.util.List;
import java.util.Map;

/**
 * What a run is compared with: the baseline run, how often each finding fingerprint occurred in it, and which tests
 * failed in it (by suite and name).
 */
public record BaselineFindings(Baseline baseline, Map<String, Integer> findings, List<String> failingTests) {

    public BaselineFindings {
        findings = Map.copyOf(findings);
        failingTests = List.copyOf(failingTests);
    }
}
