package io.devopsparadise.quality.insights;

import io.devopsparadise.contracts.quality.ChangedLinesCoverage;
import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.quality.insights.hotspots.Hotspot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Ranks what is worth doing in a workspace by expected payoff, each item with the evidence it follows from. Its inputs:
 * the hotspots, the report-service's insights over the client's runs (flaky tests, recurring rules), and the latest stored
 * run with its profile's threshold for changed lines. No advice without data: an input that is missing adds nothing.
 */
final class Recommender {

    /** A hotspot at least this covered needs no more tests first. */
    static final double WELL_COVERED = 80;

    static final int MIN_RULE_FILES = 3;
    static final double SLOW_SHARE = 0.2;
    static final double MIN_SUITE_SECONDS = 1;

    private Recommender() {}

    static List<Recommendation> rank(
            List<Hotspot> hotspots,
            long windowDays,
            JsonNode insights,
            QualityRunResult latest,
            double minChangedLineCoverage) {
        List<Recommendation> all = new ArrayList<>();
        hotspots.stream()
                .filter(h -> h.score() > 0 && h.coveredPercent() != null && h.coveredPercent() < WELL_COVERED)
                .forEach(h -> all.add(testsFor(h, windowDays)));
        if (insights != null) {
            insights.path("flakyTests").forEach(flaky -> all.add(flaky(flaky)));
            rules(insights.path("recurringRules"), all);
        }
        if (latest != null) {
            latest.tools().forEach(tool -> slowTests(tool, all));
            changedLines(latest.changedLinesCoverage(), minChangedLineCoverage, latest.profile())
                    .ifPresent(all::add);
        }
        all.sort(Comparator.comparingDouble(Recommendation::payoff).reversed().thenComparing(Recommendation::title));
        return all;
    }

    private static Recommendation testsFor(Hotspot hotspot, long windowDays) {
        double uncovered = 1 - hotspot.coveredPercent() / 100;
        return new Recommendation(
                "tests-for-hotspot",
                String.format(
                        Locale.ROOT,
                        "add tests for %s: hotspot, %.0f%% covered, %d commits in %d days",
                        hotspot.file(),
                        hotspot.coveredPercent(),
                        hotspot.commits(),
                        windowDays),
                String.format(
                        Locale.ROOT,
                        "hotspot score %.2f; complexity %d, its most complex function %s at %d; %d finding(s)",
                        hotspot.score(),
                        hotspot.complexity(),
                        hotspot.mostComplex(),
                        hotspot.highest(),
                        hotspot.findings()),
                hotspot.score() * uncovered,
                List.of(hotspot.file()),
                List.of());
    }

    private static Recommendation flaky(JsonNode flaky) {
        String test = (flaky.path("suite").isString() ? flaky.path("suite").asString() + " › " : "")
                + flaky.path("name").asString();
        int failed =
                flaky.path("flaky").asInt() + flaky.path("failedOnPassingCode").asInt();
        return new Recommendation(
                "flaky-test",
                "fix flaky test " + test + ": failed " + failed + " of "
                        + flaky.path("runs").asInt() + " runs",
                flaky.path("evidence").asString() + "; first seen "
                        + minute(flaky.path("firstSeen").asString()) + ", last seen "
                        + minute(flaky.path("lastSeen").asString()),
                Math.min(1, flaky.path("flakeRate").asDouble()),
                List.of(),
                List.of(test));
    }

    /** An instant as the evidence shows it: to the minute, UTC ("2026-01-20 09:15 UTC"); other text as it is. */
    static String minute(String instant) {
        try {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                    .withZone(java.time.ZoneOffset.UTC)
                    .format(java.time.Instant.parse(instant));
        } catch (java.time.format.DateTimeParseException notAnInstant) {
            return instant;
        }
    }

    private static void rules(JsonNode rules, List<Recommendation> all) {
        int most = 0;
        for (JsonNode rule : rules) {
            most = Math.max(most, rule.path("files").asInt());
        }
        for (JsonNode rule : rules) {
            int files = rule.path("files").asInt();
            if (files < MIN_RULE_FILES) {
                continue;
            }
            List<String> directories = rule.path("directories")
                    .valueStream()
                    .map(JsonNode::asString)
                    .toList();
            all.add(new Recommendation(
                    "recurring-rule",
                    "rule " + rule.path("tool").asString() + " "
                            + rule.path("rule").asString() + " recurs in " + files + " files",
                    rule.path("findings").asInt() + " finding(s), found by "
                            + rule.path("runsSeen").asInt() + " of the last "
                            + rule.path("windowRuns").asInt() + " runs; most in " + String.join(", ", directories),
                    0.5 * files / most,
                    directories,
                    List.of()));
        }
    }

    private static void slowTests(ToolOutcome tool, List<Recommendation> all) {
        double total = tool.tests().stream()
                .mapToDouble(TestCaseResult::durationSeconds)
                .sum();
        if (total < MIN_SUITE_SECONDS) {
            return;
        }
        for (TestCaseResult test : tool.tests()) {
            double share = test.durationSeconds() / total;
            if (share >= SLOW_SHARE) {
                String name = (test.suite() == null ? "" : test.suite() + " › ") + test.name();
                all.add(new Recommendation(
                        "slow-test",
                        String.format(Locale.ROOT, "test %s takes %.0f%% of the suite's time", name, share * 100),
                        String.format(
                                Locale.ROOT,
                                "%.1f s of %.1f s in %s's latest run",
                                test.durationSeconds(),
                                total,
                                tool.tool()),
                        0.5 * share,
                        test.file() == null ? List.of() : List.of(test.file()),
                        List.of(name)));
            }
        }
    }

    private static java.util.Optional<Recommendation> changedLines(
            ChangedLinesCoverage coverage, double minimum, String profile) {
        if (coverage == null || coverage.rate() == null || minimum <= 0 || coverage.rate() >= minimum) {
            return java.util.Optional.empty();
        }
        List<String> files = coverage.uncovered().stream()
                .map(ChangedLinesCoverage.FileLines::file)
                .toList();
        return java.util.Optional.of(new Recommendation(
                "changed-lines-coverage",
                String.format(
                        Locale.ROOT,
                        "changed lines are %.0f%% covered, the profile asks %.0f%%",
                        coverage.rate() * 100,
                        minimum * 100),
                coverage.covered() + " of " + coverage.lines() + " changed lines since " + coverage.baseCommit()
                        + " ran in a test (profile " + profile + "); uncovered in " + files.size() + " file(s)",
                minimum - coverage.rate(),
                files,
                List.of()));
    }
}
