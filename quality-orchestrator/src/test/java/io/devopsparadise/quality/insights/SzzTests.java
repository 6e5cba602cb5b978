package io.devopsparadise.quality.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.quality.gate.WorkspaceRepository;
import io.devopsparadise.quality.insights.history.CommitChange;
import io.devopsparadise.quality.insights.history.CommitHistory;
import io.devopsparadise.quality.insights.history.HistoryLimits;
import io.devopsparadise.quality.insights.history.Szz;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SZZ on small histories whose bug-introducing commits are known by construction. */
class SzzTests {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theCommitThatWroteTheLineAFixChangesIsBugIntroducing() throws Exception {
        GitRepo repo = GitRepo.init(dir);
        String introducing =
                repo.write("calc/ops.py", "def half(n):\n    return n / 3\n").commit("Add half", "ada", T0);
        String unrelated = repo.write("calc/more.py", "def twice(n):\n    return n * 2\n")
                .commit("Add twice", "bob", T0.plusSeconds(60));
        String fix = repo.write("calc/ops.py", "def half(n):\n    return n / 2\n")
                .commit("Fix half: divide by two", "bob", T0.plusSeconds(120));

        Map<String, Set<String>> found = szz(repo);

        assertThat(found).containsOnlyKeys(introducing);
        assertThat(found.get(introducing)).containsExactly(fix);
        assertThat(found).doesNotContainKey(unrelated);
    }

    @Test
    void linesWithoutCodeThatAFixChangesAccuseNoOne() throws Exception {
        GitRepo repo = GitRepo.init(dir);
        repo.write("calc/ops.py", "def half(n):\n    return n // 2\n").commit("Add half", "ada", T0);
        repo.write("calc/ops.py", "def half(n):\n    # halves\n\n    return n // 2\n")
                .commit("Explain half", "bob", T0.plusSeconds(60));
        repo.write("calc/ops.py", "def half(n):\n    return n // 2\n")
                .commit("Fix the comment noise", "ada", T0.plusSeconds(120));

        assertThat(szz(repo)).isEmpty();
    }

    @Test
    void aFixTouchingTooManySourceFilesIsTakenForARefactoring() throws Exception {
        GitRepo repo = GitRepo.init(dir);
        for (int i = 0; i < 12; i++) {
            repo.write("pkg/m" + i + ".py", "X = " + i + "\n");
        }
        repo.commit("Add modules", "ada", T0);
        for (int i = 0; i < 12; i++) {
            repo.write("pkg/m" + i + ".py", "X = " + (i + 1) + "\n");
        }
        repo.commit("Fix every constant", "bob", T0.plusSeconds(60));

        assertThat(szz(repo)).isEmpty();
    }

    @Test
    void onlySourceFilesAreBlamed() throws Exception {
        GitRepo repo = GitRepo.init(dir);
        repo.write("README.md", "Halves numbers badly\n").commit("Add readme", "ada", T0);
        repo.write("README.md", "Halves numbers\n").commit("Fix the readme", "bob", T0.plusSeconds(60));

        assertThat(szz(repo)).isEmpty();
    }

    private Map<String, Set<String>> szz(GitRepo repo) throws Exception {
        try (Repository repository = WorkspaceRepository.open(repo.root()).orElseThrow()) {
            List<CommitChange> history = new CommitHistory(repository, HistoryLimits.DEFAULT).commits();
            return new Szz(repository, 10).bugIntroducing(history);
        }
    }
}
