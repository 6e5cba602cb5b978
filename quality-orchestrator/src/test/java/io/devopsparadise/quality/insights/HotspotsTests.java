package io.devopsparadise.quality.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.quality.gate.WorkspaceRepository;
import io.devopsparadise.quality.insights.history.CommitHistory;
import io.devopsparadise.quality.insights.history.HistoryLimits;
import io.devopsparadise.quality.insights.hotspots.Churn;
import io.devopsparadise.quality.insights.hotspots.FileComplexity;
import io.devopsparadise.quality.insights.hotspots.FunctionComplexity;
import io.devopsparadise.quality.insights.hotspots.Hotspot;
import io.devopsparadise.quality.insights.hotspots.Hotspots;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hotspots follow from their inputs: a small repository with known churn, and known complexity. */
class HotspotsTests {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void churnCountsTheCommitsOfTheWindowUnderTheFilesNewestName() throws Exception {
        GitRepo repo = GitRepo.init(dir);
        repo.write("busy.py", "v = 0\n").write("calm.py", "c = 0\n").commit("start", "ada", T0);
        for (int i = 1; i <= 5; i++) {
            repo.write("busy.py", "v = " + i + "\n").commit("busy " + i, "ada", T0.plus(Duration.ofDays(100 + i)));
        }
        repo.git(Map.of(), "mv", "busy.py", "hot.py");
        repo.commit("rename", "ada", T0.plus(Duration.ofDays(110)));
        repo.write("calm.py", "c = 1\n").commit("calm", "bob", T0.plus(Duration.ofDays(111)));

        Map<String, Integer> churn;
        try (Repository repository = WorkspaceRepository.open(repo.root()).orElseThrow()) {
            churn = Churn.commitsPerFile(
                    new CommitHistory(repository, HistoryLimits.DEFAULT).commits(), Duration.ofDays(90));
        }

        assertThat(churn)
                .as("the first commit is older than the window")
                .containsEntry("hot.py", 6)
                .containsEntry("calm.py", 1)
                .doesNotContainKey("busy.py");
    }

    private static final Map<String, FileComplexity> COMPLEXITY = Map.of(
            "busy_complex.py", file("busy_complex.py", 20),
            "busy_simple.py", file("busy_simple.py", 2),
            "calm_complex.py", file("calm_complex.py", 20),
            "untouched.py", file("untouched.py", 30));
    private static final Map<String, Integer> CHURN =
            Map.of("busy_complex.py", 10, "busy_simple.py", 10, "calm_complex.py", 1);

    @Test
    void changeTimesComplexityRanks() {
        List<Hotspot> ranked = Hotspots.rank(CHURN, COMPLEXITY, Map.of(), Map.of());

        assertThat(ranked)
                .extracting(Hotspot::file)
                .containsExactly("busy_complex.py", "busy_simple.py", "calm_complex.py", "untouched.py");
        assertThat(ranked.get(3).score())
                .as("no change in the window, no hotspot")
                .isZero();
    }

    @Test
    void uncoveredLinesOrFindingsRaiseAHotspot() {
        List<Hotspot> ranked = Hotspots.rank(CHURN, COMPLEXITY, Map.of(), Map.of());
        List<Hotspot> withEvidence = Hotspots.rank(
                CHURN,
                COMPLEXITY,
                Map.of("busy_simple.py", 100.0, "calm_complex.py", 0.0),
                Map.of("calm_complex.py", 3));

        Hotspot calm = withEvidence.stream()
                .filter(h -> h.file().equals("calm_complex.py"))
                .findFirst()
                .orElseThrow();
        Hotspot calmBare = ranked.stream()
                .filter(h -> h.file().equals("calm_complex.py"))
                .findFirst()
                .orElseThrow();
        assertThat(calm.score())
                .as("untested and flagged: twice, then twice again")
                .isEqualTo(calmBare.score() * 4);
        assertThat(calm.coveredPercent()).isZero();
        assertThat(calm.findings()).isEqualTo(3);
    }

    private static FileComplexity file(String name, int complexity) {
        return new FileComplexity(name, List.of(new FunctionComplexity(name, "f", 1, complexity)));
    }
}
