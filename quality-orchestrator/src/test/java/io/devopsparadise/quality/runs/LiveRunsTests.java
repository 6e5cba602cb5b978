package io.devopsparadise.quality.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.contracts.quality.RunState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LiveRunsTests {

    private static final Instant T0 = Instant.parse("2026-11-30T06:00:00Z");

    @Test
    void finishedRunsThatCouldNotBeSavedAreBoundedOldestFirst() {
        LiveRuns runs = new LiveRuns(2);
        QualityRun first = finished("first", 0);
        QualityRun second = finished("second", 1);
        QualityRun third = finished("third", 2);

        runs.keepUnsaved(first);
        runs.keepUnsaved(second);
        runs.keepUnsaved(third);

        assertThat(runs.contains("first")).isFalse();
        assertThat(runs.all()).containsExactlyInAnyOrder(second, third);
    }

    @Test
    void runsInProgressAreNeverDroppedByTheBound() {
        LiveRuns runs = new LiveRuns(1);
        QualityRun running = new QualityRun("running", "alice", "/w/alice", "quick", T0.minusSeconds(60));
        runs.add(running);

        runs.keepUnsaved(finished("a", 0));
        runs.keepUnsaved(finished("b", 1));

        assertThat(runs.get("running")).isSameAs(running);
        assertThat(runs.contains("a")).isFalse();
        assertThat(runs.contains("b")).isTrue();
    }

    private static QualityRun finished(String id, int second) {
        QualityRun run = new QualityRun(id, "alice", "/w/" + id, "quick", T0.plusSeconds(second));
        run.finish(RunState.PASSED, "passed", T0.plusSeconds(second + 10));
        return run;
    }
}
