package io.devopsparadise.quality.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.contracts.quality.RunState;
import io.devopsparadise.contracts.quality.ToolCategory;
import io.devopsparadise.contracts.quality.ToolStatus;
import io.devopsparadise.quality.profiles.QualityProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A run's end: cancel, fail-fast and a finish that comes second, with its tools on real threads and time as given instants. */
class QualityRunTests {

    private static final Instant STARTED = Instant.parse("2026-11-30T08:00:00Z");
    private static final Instant LATER = STARTED.plusSeconds(42);

    /** One tool at a time, as a client's tools take turns in the orchestrator's pool. */
    private final ExecutorService tools = Executors.newSingleThreadExecutor();

    private final QualityRun run = new QualityRun("r-1", "alice", "/w", "quick", STARTED);

    @AfterEach
    void stop() {
        tools.shutdownNow();
    }

    @Test
    void aCancelInterruptsTheRunningTool() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        run.track(tools.submit(() -> blockUntilInterrupted(started, interrupted)));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        run.finish(RunState.CANCELLED, "cancelled on request", LATER);

        assertThat(interrupted.await(5, TimeUnit.SECONDS))
                .as("the running tool's thread is interrupted")
                .isTrue();
        assertThat(run.snapshot().state()).isEqualTo(RunState.CANCELLED);
        assertThat(run.snapshot().finishedAt()).isEqualTo(LATER);
    }

    @Test
    void aCancelDropsTheToolsStillQueued() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean queuedRan = new AtomicBoolean();
        run.track(tools.submit(() -> blockUntilInterrupted(started, new CountDownLatch(1))));
        Future<?> queued = tools.submit(() -> queuedRan.set(true));
        run.track(queued);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        run.finish(RunState.CANCELLED, "cancelled on request", LATER);
        tools.shutdown();
        assertThat(tools.awaitTermination(5, TimeUnit.SECONDS)).isTrue();

        assertThat(queued.isCancelled()).isTrue();
        assertThat(queuedRan).isFalse();
    }

    @Test
    void aFinishAfterACancelKeepsTheCancel() {
        run.finish(RunState.CANCELLED, "cancelled on request", LATER);

        boolean finished = run.finish(RunState.PASSED, "all tools passed", LATER.plusSeconds(1));

        assertThat(finished).isFalse();
        assertThat(run.snapshot().state()).isEqualTo(RunState.CANCELLED);
        assertThat(run.snapshot().verdict()).isEqualTo("cancelled on request");
        assertThat(run.snapshot().finishedAt()).isEqualTo(LATER);
    }

    /** Starts a tool that runs until it is interrupted; answers the latch its interruption counts down. */
    private CountDownLatch aToolRunningUntilInterrupted() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        run.track(tools.submit(() -> blockUntilInterrupted(started, interrupted)));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        return interrupted;
    }

    @Test
    void failingFastEndsTheRunAsFailed() throws Exception {
        aToolRunningUntilInterrupted();

        boolean stopped = run.stopFailingFast("pytest", LATER);

        assertThat(stopped).isTrue();
        assertThat(run.snapshot().state()).isEqualTo(RunState.FAILED);
        assertThat(run.snapshot().verdict())
                .isEqualTo("fail-fast: pytest has failing tests; the other tools were stopped");
    }

    @Test
    void failingFastStopsTheOtherTools() throws Exception {
        CountDownLatch interrupted = aToolRunningUntilInterrupted();

        run.stopFailingFast("pytest", LATER);

        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void failingFastAfterACancelChangesNothing() {
        run.finish(RunState.CANCELLED, "cancelled on request", LATER);

        assertThat(run.stopFailingFast("pytest", LATER.plusSeconds(1))).isFalse();
        assertThat(run.snapshot().state()).isEqualTo(RunState.CANCELLED);
    }

    @Test
    void theVerdictCarriesTheRunsNotes() {
        run.note("2 changed files outside the workspace were dropped");

        run.finish(RunState.PASSED, "all tools passed", LATER);

        assertThat(run.snapshot().verdict())
                .isEqualTo("all tools passed; 2 changed files outside the workspace were dropped");
    }

    @ParameterizedTest(name = "fail-fast {0}, {1} {2}: stops the run {3}")
    @CsvSource({
        "true,  UNIT,        FAILED,  true",
        "true,  UNIT,        ERROR,   false",
        "true,  UNIT,        PASSED,  false",
        "true,  LINT,        FAILED,  false",
        "true,  SECURITY,    FAILED,  false",
        "true,  E2E,         FAILED,  false",
        "false, UNIT,        FAILED,  false",
    })
    void onlyFailingTestsOfATestToolUnderAFailFastProfileStopTheRun(
            boolean failFast, ToolCategory category, ToolStatus status, boolean stops) {
        assertThat(QualityRun.failsFast(profile(failFast), category, status)).isEqualTo(stops);
    }

    private static QualityProfile profile(boolean failFast) {
        return new QualityProfile(
                "quick",
                Set.of(ToolCategory.UNIT, ToolCategory.LINT),
                Duration.ofMinutes(5),
                0,
                Map.of(),
                Map.of(),
                0,
                failFast,
                null,
                0,
                false,
                false,
                false,
                false,
                false);
    }

    private static void blockUntilInterrupted(CountDownLatch started, CountDownLatch interrupted) {
        started.countDown();
        try {
            Thread.sleep(Duration.ofMinutes(1).toMillis());
        } catch (InterruptedException e) {
            interrupted.countDown();
        }
    }
}
