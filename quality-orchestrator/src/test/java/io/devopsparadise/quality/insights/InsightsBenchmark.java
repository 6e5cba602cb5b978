package io.devopsparadise.quality.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.quality.gate.WorkspaceRepository;
import io.devopsparadise.quality.insights.history.CommitChange;
import io.devopsparadise.quality.insights.history.CommitHistory;
import io.devopsparadise.quality.insights.history.HistoryLimits;
import io.devopsparadise.quality.insights.hotspots.Churn;
import io.devopsparadise.quality.insights.hotspots.CoverageByFile;
import io.devopsparadise.quality.insights.hotspots.FileComplexity;
import io.devopsparadise.quality.insights.hotspots.Hotspot;
import io.devopsparadise.quality.insights.hotspots.Hotspots;
import io.devopsparadise.quality.insights.hotspots.McCabeReport;
import io.devopsparadise.quality.insights.risk.LabelledHistory;
import io.devopsparadise.quality.insights.risk.RiskEvaluation;
import io.devopsparadise.quality.reports.CoberturaParser;
import io.devopsparadise.testsupport.Corpora;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;

/**
 * The insights benchmark that bench/insights/run.sh runs on the real histories in ../shared/corpora: the change-risk
 * model's ROC AUC on a time-ordered split (trained on the oldest 70% of commits, tested on the newest 30%) beside the
 * simplest baseline's, lines changed alone; then boltons's top hotspots. Not run by CI (its name is neither *Tests nor
 * *IntegrationTests). It prints the figures whatever they are, and fails only when a step cannot run.
 */
class InsightsBenchmark {

    private static final double TRAIN_SHARE = 0.7;
    private static final Duration WINDOW = Duration.ofDays(90);

    @Test
    void boltonsTopHotspots() throws Exception {
        Path clone = Corpora.clone(
                "boltons", Files.createTempDirectory("insights-bench").resolve("boltons"));
        Path coverageXml = clone.resolve("coverage.xml");
        String tests = host(
                clone,
                List.of(
                        "/usr/bin/python3",
                        "-m",
                        "pytest",
                        "-q",
                        "-p",
                        "no:cacheprovider",
                        "--cov=.",
                        "--cov-report=xml:" + coverageXml,
                        "tests"));
        List<String> mccabe = new ArrayList<>(McCabeReport.command());
        mccabe.set(0, "/usr/bin/python3");
        Map<String, FileComplexity> complexity = McCabeReport.parse(host(clone, mccabe));
        List<CommitChange> history;
        try (Repository repository = WorkspaceRepository.open(clone).orElseThrow()) {
            history = new CommitHistory(repository, HistoryLimits.DEFAULT).commits();
        }
        Map<String, Integer> churn = Churn.commitsPerFile(history, WINDOW);
        Map<String, Double> covered =
                CoverageByFile.percent(new CoberturaParser().parse(coverageXml).files(), complexity.keySet());
        List<Hotspot> ranked = Hotspots.rank(churn, complexity, covered, Map.of());
        System.out.printf(
                "[insights hotspots] boltons: %d files measured by mccabe, %d of them covered by the test run (%s);"
                        + " churn = commits in the %d days before the newest commit%n",
                complexity.size(),
                covered.size(),
                tests.lines().reduce((a, b) -> b).orElse("").strip(),
                WINDOW.toDays());
        for (Hotspot hotspot : ranked.subList(0, 5)) {
            System.out.printf(
                    "[insights hotspots]   %-28s score %.3f  churn %3d  complexity %4d (highest %d, %s)  coverage %s%n",
                    hotspot.file(),
                    hotspot.score(),
                    hotspot.commits(),
                    hotspot.complexity(),
                    hotspot.highest(),
                    hotspot.mostComplex(),
                    hotspot.coveredPercent() == null
                            ? "not measured"
                            : String.format("%.0f%%", hotspot.coveredPercent()));
        }
        assertThat(ranked.get(0).score()).isPositive();
    }

    private static String host(Path directory, List<String> command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return output;
    }

    @Test
    void changeRiskOnTheCorpora() throws Exception {
        Path home = Files.createTempDirectory("insights-bench");
        for (String corpus : List.of("boltons", "toolz")) {
            Path clone = Corpora.clone(corpus, home.resolve(corpus));
            long start = System.nanoTime();
            try (Repository repository = WorkspaceRepository.open(clone).orElseThrow()) {
                LabelledHistory history = LabelledHistory.read(repository, HistoryLimits.DEFAULT);
                long read = System.nanoTime();
                RiskEvaluation evaluation = RiskEvaluation.timeOrdered(history, TRAIN_SHARE);
                System.out.printf(
                        "[insights risk] %s: %d commits, %d traced by SZZ to a later fix; train %d (%d buggy), test %d (%d buggy);"
                                + " AUC model %.3f, baseline (lines changed) %.3f, ratio %.2f; source lines changed alone %.3f;"
                                + " history+SZZ %.1f s, training+test %.1f s%n",
                        corpus,
                        history.size(),
                        history.buggyCount(),
                        evaluation.trainCommits(),
                        evaluation.trainBuggy(),
                        evaluation.testCommits(),
                        evaluation.testBuggy(),
                        evaluation.modelAuc(),
                        evaluation.baselineAuc(),
                        evaluation.modelAuc() / evaluation.baselineAuc(),
                        evaluation.sourceLinesAuc(),
                        (read - start) / 1e9,
                        (System.nanoTime() - read) / 1e9);
                assertThat(evaluation.testBuggy())
                        .as("the test split holds buggy commits of %s", corpus)
                        .isPositive();
            }
        }
    }
}
