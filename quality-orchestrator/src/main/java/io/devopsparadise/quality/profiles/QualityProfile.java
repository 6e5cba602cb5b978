package io.devopsparadise.quality.profiles;

import io.devopsparadise.contracts.quality.Severity;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** A checked quality profile: which tool categories run, how long each may take, and what fails the run. */
public record QualityProfile(String name, Set<String> categories, Duration toolTimeout, double minLineCoverage,
                             Map<Severity, Integer> maxFindings, boolean failFast) {

    public QualityProfile {
        categories = Set.copyOf(categories);
        maxFindings = Map.copyOf(maxFindings);
        if (minLineCoverage < 0 || minLineCoverage > 1) {
            throw new IllegalArgumentException("profile " + name + ": min-line-coverage must be between 0 and 1, got " + minLineCoverage);
        }
    }
}
