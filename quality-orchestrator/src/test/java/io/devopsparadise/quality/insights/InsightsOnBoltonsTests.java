package io.devopsparadise.quality.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.quality.gate.WorkspaceRepository;
import io.devopsparadise.quality.insights.history.ChangedFile;
import io.devopsparadise.quality.insights.history.CommitChange;
import io.devopsparadise.quality.insights.history.FixCommits;
import io.devopsparadise.quality.insights.history.HistoryLimits;
import io.devopsparadise.quality.insights.history.LineSpan;
import io.devopsparadise.quality.insights.history.SourceFiles;
import io.devopsparadise.quality.insights.history.Szz;
import io.devopsparadise.quality.insights.hotspots.Churn;
import io.devopsparadise.quality.insights.risk.LabelledHistory;
import io.devopsparadise.quality.insights.risk.RiskEvaluation;
import io.devopsparadise.quality.insights.risk.RiskModels;
import io.devopsparadise.testsupport.Corpora;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Insights on a real history, boltons's (1,654 commits): every figure is checked against git itself, run by hand in the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightsOnBoltonsTests {

    private GitRepo boltons;
    private Repository repository;
    private LabelledHistory history;

    @BeforeAll
    void read() throws Exception {
        Path clone = Corpora.clone(
                "boltons", Files.createTempDirectory("insights-boltons").resolve("boltons"));
        boltons = GitRepo.open(clone);
        repository = WorkspaceRepository.open(clone).orElseThrow();
        history = LabelledHistory.read(repository, HistoryLimits.DEFAULT);
    }

    @AfterAll
    void close() {
        repository.close();
    }

    @Test
    void theHistoryIsEveryNonMergeCommitOldestFirst() throws Exception {
        int byGit = Integer.parseInt(boltons.git(Map.of(), "rev-list", "--no-merges", "--count", "HEAD")
                .strip());
        assertThat(history.size()).isEqualTo(byGit);
        assertThat(history.commits().get(history.size() - 1).id())
                .isEqualTo(boltons.git(Map.of(), "rev-parse", "HEAD").strip());
    }

    @Test
    void szzAccusesTheCommitsGitBlameNamesForTheNewestFixsChangedLines() throws Exception {
        List<CommitChange> newestFirst = new java.util.ArrayList<>(history.commits());
        java.util.Collections.reverse(newestFirst);
        CommitChange fix = newestFirst.stream()
                .filter(c -> c.parent() != null && FixCommits.isFix(c.message()))
                .filter(c -> sources(c).size() == 1
                        && !sources(c).get(0).parentLines().isEmpty())
                .findFirst()
                .orElseThrow();
        ChangedFile file = sources(fix).get(0);
        Set<String> byBlame = new HashSet<>();
        for (LineSpan span : file.parentLines()) {
            String porcelain = boltons.git(
                    Map.of(),
                    "blame",
                    "-w",
                    "--line-porcelain",
                    "-L",
                    (span.start() + 1) + "," + span.end(),
                    fix.parent(),
                    "--",
                    file.oldPath());
            String commit = null;
            for (String line : porcelain.split("\n")) {
                if (line.matches("^[0-9a-f]{40} .*")) {
                    commit = line.substring(0, 40);
                } else if (line.startsWith("\t") && !SourceFiles.isBlankOrComment(line.substring(1))) {
                    byBlame.add(commit);
                }
            }
        }

        Map<String, Set<String>> introducing = new Szz(repository, 10).bugIntroducing(List.of(fix));

        assertThat(byBlame)
                .as("git blame finds the lines' origins of fix %s", fix.id())
                .isNotEmpty();
        assertThat(introducing.keySet()).isEqualTo(byBlame);
        assertThat(introducing.values()).allSatisfy(fixes -> assertThat(fixes).containsExactly(fix.id()));
    }

    @Test
    void churnIsWhatGitLogCountsInTheWindow() throws Exception {
        Duration window = Duration.ofDays(365);
        Map<String, Integer> churn = Churn.commitsPerFile(history.commits(), window);
        Instant newest = history.commits().get(history.size() - 1).time();
        String busiest = churn.entrySet().stream()
                .filter(e -> e.getKey().endsWith(".py"))
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        long byGit = boltons.git(
                        Map.of(),
                        "log",
                        "--no-merges",
                        "--format=%H",
                        "--since=@" + newest.minus(window).getEpochSecond(),
                        "HEAD",
                        "--",
                        busiest)
                .lines()
                .count();

        assertThat(churn.get(busiest)).as(busiest).isEqualTo((int) byGit).isPositive();
    }

    @Test
    void theRiskModelIsTrainedOnTheHistory() {
        assertThat(history.buggyCount()).isGreaterThan(RiskModels.MIN_PER_LABEL);
        assertThat(RiskModels.forHistory(history).method()).startsWith("logistic regression");
    }

    @Test
    void theRiskModelRanksTheNewestCommitsBetterThanChance() {
        RiskEvaluation evaluation = RiskEvaluation.timeOrdered(history, 0.7);

        assertThat(evaluation.testBuggy()).isPositive();
        assertThat(evaluation.modelAuc()).isGreaterThan(0.5);
    }

    @Test
    void aShortHistoryGetsTheHeuristic() {
        LabelledHistory shortHistory = history.oldest(50);
        assertThat(RiskModels.forHistory(shortHistory).method())
                .startsWith("heuristic")
                .contains("50 commits");
    }

    private static List<ChangedFile> sources(CommitChange commit) {
        return commit.files().stream()
                .filter(f -> f.oldPath() != null && SourceFiles.isSource(f.oldPath()))
                .collect(Collectors.toList());
    }
}
