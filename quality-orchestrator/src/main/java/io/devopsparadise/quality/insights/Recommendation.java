package io.devopsparadise.quality.insights;

import java.util.List;

/**
 * One thing worth doing, with why.
 *
 * @param kind     tests-for-hotspot, flaky-test, recurring-rule, slow-test or changed-lines-coverage
 * @param title    what to do, in a line ("add tests for X: hotspot, 31% covered, 14 commits in 90 days")
 * @param evidence the figures it follows from
 * @param payoff   the expected payoff, 0 to 1, by which the list is ranked (docs/insights.md says how each kind is scored)
 * @param files    the workspace files it is about
 * @param tests    the tests it is about
 */
public record Recommendation(
        String kind, String title, String evidence, double payoff, List<String> files, List<String> tests) {

    public Recommendation {
        files = List.copyOf(files);
        tests = List.copyOf(tests);
    }
}
