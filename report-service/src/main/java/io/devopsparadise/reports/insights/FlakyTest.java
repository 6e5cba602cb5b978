package io.devopsparadise.reports.insights;

import java.time.Instant;

/**
 * A test seen failing and passing on the same code.
 *
 * @param runs      runs of the window in which it ran
 * @param flaky     runs in which it failed and then passed on a rerun (FLAKY)
 * @param failedOnPassingCode runs in which it failed on a commit where another run saw it pass
 * @param flakeRate (flaky + failedOnPassingCode) / runs
 * @param evidence  the commit where it both passed and failed, or the rerun that passed, in words
 */
public record FlakyTest(
        String tool,
        String suite,
        String name,
        int runs,
        int flaky,
        int failedOnPassingCode,
        double flakeRate,
        Instant firstSeen,
        Instant lastSeen,
        String evidence) {}
