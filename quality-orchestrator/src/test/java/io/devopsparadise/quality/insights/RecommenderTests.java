package io.devopsparadise.quality.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.contracts.quality.ChangedLinesCoverage;
import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.RunState;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.TestStatus;
import io.devopsparadise.contracts.quality.ToolCategory;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.quality.ToolStatus;
import io.devopsparadise.quality.gate.WorkspaceRepository;
import io.devopsparadise.quality.insights.history.CommitHistory;
import io.devopsparadise.quality.insights.history.HistoryLimits;
import io.devopsparadise.quality.insights.hotspots.Churn;
import io.devopsparadise.quality.insights.hotspots.FileComplexity;
import io.devopsparadise.quality.insights.hotspots.Hotspot;
import io.devopsparadise.quality.insights.hotspots.Hotspots;
import io.devopsparadise.quality.insights.hotspots.McCabeReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Recommendations follow from their inputs, and a synthetic repository's hotspots from its known churn and complexity. */
class RecommenderTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aComplexChurningBarelyTestedFileComesFirst() throws Exception {
        GitRepo repo = GitRepo.init(dir);
        repo.write("hot.py", branches("hot", 8, 0))
                .write("cold.py", branches("cold", 8, 0))
                .write("simple.py", "def f():\n    return 0\n")
                .commit("start", "ada", T0);
        for (int i = 1; i <= 5; i++) {
            repo.write("hot.py", branches("hot", 8, i))
                    .write("simple.py", "def f():\n    return " + i + "\n")
                    .commit("change " + i, "ada", T0.plus(Duration.ofDays(i)));
        }
        Process flake8 = new ProcessBuilder(McCabeReport.command().stream()
                        .map(a -> a.equals("python3") ? "/usr/bin/python3" : a)
                        .toList())
                .directory(dir.toFile())
                .start();
        String output = new String(flake8.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(flake8.waitFor(1, TimeUnit.MINUTES)).isTrue();
        Map<String, FileComplexity> complexity = McCabeReport.parse(output);
        Map<String, Integer> churn;
        try (Repository repository = WorkspaceRepository.open(dir).orElseThrow()) {
            churn = Churn.commitsPerFile(
                    new CommitHistory(repository, HistoryLimits.DEFAULT).commits(), Duration.ofDays(90));
        }

        List<Hotspot> hotspots =
                Hotspots.rank(churn, complexity, Map.of("hot.py", 30.0, "cold.py", 10.0, "simple.py", 0.0), Map.of());
        List<Recommendation> ranked = Recommender.rank(hotspots, 90, null, null, 0);

        assertThat(hotspots).extracting(Hotspot::file).containsExactly("hot.py", "cold.py", "simple.py");
        assertThat(complexity.get("hot.py").highest()).as("eight ifs").isEqualTo(9);
        assertThat(ranked.get(0).title()).isEqualTo("add tests for hot.py: hotspot, 30% covered, 6 commits in 90 days");
        assertThat(ranked.get(0).files()).containsExactly("hot.py");
    }

    @Test
    void everyKindIsRankedByItsExpectedPayoffWithItsEvidence() throws Exception {
        List<Hotspot> hotspots = List.of(
                new Hotspot("a.py", 10, 50, 12, "parse", 20.0, 0, 0.8),
                new Hotspot("b.py", 9, 40, 9, "load", 95.0, 0, 0.9),
                new Hotspot("c.py", 3, 10, 4, "tidy", 50.0, 0, 0.3));
        JsonNode insights = JSON.readTree("""
                {"flakyTests": [{"tool": "pytest", "suite": "tests.test_net", "name": "test_fetch", "runs": 20, "flaky": 8,
                                 "failedOnPassingCode": 3, "flakeRate": 0.55, "firstSeen": "2026-01-01T00:00:00Z",
                                 "lastSeen": "2026-01-20T00:00:00Z", "evidence": "failed, then passed on a rerun, in 8 of 20 runs"}],
                 "recurringRules": [{"tool": "flake8", "rule": "E501", "findings": 40, "files": 12, "directories": ["pkg"], "runsSeen": 20, "windowRuns": 20},
                                    {"tool": "flake8", "rule": "W291", "findings": 2, "files": 2, "directories": ["pkg"], "runsSeen": 1, "windowRuns": 20}]}
                """);
        ToolOutcome pytest = ToolOutcome.tests(
                "pytest",
                ToolCategory.UNIT,
                ToolStatus.PASSED,
                10_000,
                List.of(
                        new TestCaseResult(
                                "tests.test_io", "test_big_file", "tests/test_io.py", TestStatus.PASSED, 6.0, null),
                        new TestCaseResult(
                                "tests.test_io", "test_small", "tests/test_io.py", TestStatus.PASSED, 4.0, null)),
                null);
        QualityRunResult latest = new QualityRunResult(
                "run-1",
                "c",
                "/w",
                "standard",
                RunState.PASSED,
                T0,
                T0,
                List.of(pytest),
                "ok",
                "abc",
                "main",
                null,
                new ChangedLinesCoverage(
                        "base", 10, 2, List.of(new ChangedLinesCoverage.FileLines("a.py", List.of(3)))));

        List<Recommendation> ranked = Recommender.rank(hotspots, 90, insights, latest, 0.8);

        assertThat(ranked)
                .extracting(Recommendation::title)
                .containsExactly(
                        "add tests for a.py: hotspot, 20% covered, 10 commits in 90 days",
                        "changed lines are 20% covered, the profile asks 80%",
                        "fix flaky test tests.test_net › test_fetch: failed 11 of 20 runs",
                        "rule flake8 E501 recurs in 12 files",
                        "test tests.test_io › test_big_file takes 60% of the suite's time",
                        "test tests.test_io › test_small takes 40% of the suite's time",
                        "add tests for c.py: hotspot, 50% covered, 3 commits in 90 days");
        assertThat(ranked.get(0).payoff()).isEqualTo(0.8 * 0.8);
        assertThat(ranked.get(0).evidence()).contains("complexity 50").contains("parse at 12");
        assertThat(ranked.get(2).tests()).containsExactly("tests.test_net › test_fetch");
        assertThat(ranked.get(3).evidence()).contains("found by 20 of the last 20 runs");
    }

    @Test
    void withoutDataThereIsNoAdvice() {
        assertThat(Recommender.rank(List.of(), 90, null, null, 0.8)).isEmpty();
    }

    /** A function with {@code ifs} branches, its constant changed by {@code version}. */
    private static String branches(String name, int ifs, int version) {
        StringBuilder text = new StringBuilder("def " + name + "(n):\n    total = " + version + "\n");
        for (int i = 0; i < ifs; i++) {
            text.append("    if n > ")
                    .append(i)
                    .append(":\n        total += ")
                    .append(i)
                    .append('\n');
        }
        return text.append("    return total\n").toString();
    }
}
