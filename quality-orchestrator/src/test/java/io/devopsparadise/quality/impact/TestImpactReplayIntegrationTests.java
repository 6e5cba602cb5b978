package io.devopsparadise.quality.impact;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.contracts.quality.TestStatus;
import io.devopsparadise.testsupport.Corpora;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real commits of a real repository, replayed one by one: the selection never misses a test whose outcome a commit
 * changed, and on a commit that changes code it runs fewer tests than the suite. The expected outcomes come from the
 * full suite run in the test, on each commit and its parent. CI replays the stretch that holds the last 5 commits
 * changing toolz's code (about a minute); {@code -Dimpact.replay.commits=20} replays 20, as bench/impact/run.sh does for
 * toolz and boltons with the figures (39 toolz commits took about 5 minutes here).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TestImpactReplayIntegrationTests {

    static final int CODE_COMMITS = Integer.getInteger("impact.replay.commits", 5);

    @TempDir
    Path temp;

    @Test
    void everyTestWhoseOutcomeAToolzCommitChangedRanInItsSelection() throws Exception {
        List<Replay.Step> steps = replay("toolz", "toolz");
        assertThat(steps)
                .allSatisfy(
                        step -> assertThat(step.missed()).as(step.toString()).isEmpty());
        assertThat(steps.stream().filter(step -> !step.selected().plan.runAll()).count())
                .as("commits replayed without running everything")
                .isGreaterThan(steps.size() / 2);
    }

    static List<Replay.Step> replay(Replay replay, String packageDir, String corpus) {
        return replay(replay, packageDir, corpus, CODE_COMMITS);
    }

    /** Replays the stretch of first-parent history ending at HEAD that holds {@code codeCommits} commits changing code. */
    static List<Replay.Step> replay(Replay replay, String packageDir, String corpus, int codeCommits) {
        List<String> stretch = replay.stretch(packageDir, codeCommits);
        Map<String, TestStatus> before = replay.start(stretch.get(0));
        List<Replay.Step> steps = new ArrayList<>();
        for (String commit : stretch) {
            Replay.Step step = replay.step(commit, before);
            System.out.println("[impact replay " + corpus + "] " + step);
            steps.add(step);
            before = step.truth().outcomes();
        }
        assertThat(stretch.stream().filter(c -> replay.touchesCode(c, packageDir)))
                .hasSize(codeCommits);
        return steps;
    }

    private List<Replay.Step> replay(String corpus, String packageDir) throws Exception {
        Path workspace = Corpora.clone(corpus, temp.resolve(corpus));
        return replay(new Replay(workspace, temp.resolve("copies")), packageDir, corpus);
    }
}
