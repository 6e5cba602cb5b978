package io.devopsparadise.quality.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.devopsparadise.quality.gate.WorkspaceRepository;
import io.devopsparadise.quality.insights.history.CommitHistory;
import io.devopsparadise.quality.insights.history.HistoryLimits;
import io.devopsparadise.quality.insights.risk.ChangeFeatures;
import io.devopsparadise.quality.insights.risk.Feature;
import io.devopsparadise.quality.insights.risk.LabelledHistory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each commit's features come from its past only, measured on a history built for it. */
class FeatureHistoryTests {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void featuresMeasureEachCommitAgainstItsPastOnly() throws Exception {
        GitRepo repo = GitRepo.init(dir);
        repo.write("pkg/a.py", GitRepo.lines("a = ", 10))
                .write("docs/guide.md", "guide\n")
                .commit("Add a", "ada", T0);
        repo.write("pkg/a.py", GitRepo.lines("a = ", 9) + "a9 = 'fixed'\n" + "a = 10\na = 11\n")
                .commit("Fix a's tail", "bob", T0.plus(Duration.ofDays(2)));
        repo.write("pkg/a.py", GitRepo.lines("a = ", 9) + "a9 = 'fixed'\n" + "a = 10\na = 11\na = 12\na = 13\n")
                .write("pkg/b.py", GitRepo.lines("b = ", 6))
                .write("tests/test_a.py", GitRepo.lines("t = ", 2))
                .commit("Grow a, add b", "ada", T0.plus(Duration.ofDays(6)));

        LabelledHistory history;
        try (Repository repository = WorkspaceRepository.open(repo.root()).orElseThrow()) {
            history = LabelledHistory.read(repository, HistoryLimits.DEFAULT);
        }

        ChangeFeatures first = history.features().get(0);
        assertThat(first.get(Feature.LINES_ADDED)).isEqualTo(10);
        assertThat(first.get(Feature.OTHER_LINES)).isEqualTo(1);
        assertThat(first.get(Feature.PRIOR_CHANGES)).isZero();
        ChangeFeatures third = history.features().get(2);
        assertThat(third.get(Feature.LINES_ADDED)).isEqualTo(2 + 6 + 2);
        assertThat(third.get(Feature.FILES)).isEqualTo(3);
        assertThat(third.get(Feature.DIRECTORIES)).isEqualTo(2);
        assertThat(third.get(Feature.TEST_SHARE)).isCloseTo(2 / 10.0, within(1e-9));
        assertThat(third.get(Feature.FILE_AGE))
                .as("only a.py is known: changed 4 days before")
                .isCloseTo(4, within(1e-9));
        assertThat(third.get(Feature.PRIOR_CHANGES))
                .as("a.py changed twice before")
                .isEqualTo(2);
        assertThat(third.get(Feature.PAST_FIXES)).as("one of them a fix").isEqualTo(1);
        assertThat(third.get(Feature.DEVELOPERS)).isEqualTo(2);
        assertThat(third.get(Feature.AUTHOR_EXPERIENCE))
                .as("ada made one of the two earlier commits")
                .isEqualTo(0.5);
        assertThat(third.get(Feature.AUTHOR_FILE_EXPERIENCE))
                .as("and one of a.py's two changes")
                .isEqualTo(0.5);
        assertThat(third.get(Feature.ENTROPY))
                .as("lines 2, 6 and 2 over three files")
                .isBetween(0.8, 1.0);
        assertThat(history.buggy())
                .as("the fix changed a line the first commit wrote")
                .containsExactly(true, false, false);
    }

    @Test
    void aRenamedFileKeepsItsPast() throws Exception {
        GitRepo repo = GitRepo.init(dir);
        repo.write("pkg/old.py", GitRepo.lines("x = ", 20)).commit("Add old", "ada", T0);
        repo.git(java.util.Map.of(), "mv", "pkg/old.py", "pkg/new.py");
        repo.commit("Rename old to new", "ada", T0.plus(Duration.ofDays(1)));
        repo.write("pkg/new.py", GitRepo.lines("x = ", 21)).commit("Grow new", "bob", T0.plus(Duration.ofDays(3)));

        try (Repository repository = WorkspaceRepository.open(repo.root()).orElseThrow()) {
            LabelledHistory history = LabelledHistory.read(repository, HistoryLimits.DEFAULT);
            assertThat(history.features().get(2).get(Feature.PRIOR_CHANGES)).isEqualTo(2);
            assertThat(new CommitHistory(repository, HistoryLimits.DEFAULT)
                            .commit("HEAD~1")
                            .files())
                    .singleElement()
                    .satisfies(file -> assertThat(file.oldPath()).isEqualTo("pkg/old.py"));
        }
    }
}
