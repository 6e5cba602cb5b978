package io.devopsparadise.quality.runs;

import io.devopsparadise.contracts.quality.Baseline;
import io.devopsparadise.contracts.quality.ChangedLinesCoverage;
import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.RunState;
import io.devopsparadise.contracts.quality.SemanticAnalysis;
import io.devopsparadise.contracts.quality.TestPlan;
import io.devopsparadise.contracts.quality.ToolCategory;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.quality.ToolStatus;
import io.devopsparadise.quality.profiles.QualityProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/** A run in progress: its outcomes so far and the futures to cancel. Snapshots are immutable results. */
final class QualityRun {

    private final String id;
    private final String clientId;
    private final String workspace;
    private final String profile;
    private final Instant startedAt;
    private GitState git;
    private Baseline baseline;
    private ChangedLinesCoverage changedLines;
    private SemanticAnalysis semantic;
    private final List<ToolOutcome> outcomes = new ArrayList<>();
    private final List<Future<?>> work = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<TestPlan> plans = new ArrayList<>();
    private RunState state = RunState.QUEUED;
    private Instant finishedAt;
    private String verdict;

    QualityRun(String id, String clientId, String workspace, String profile, Instant startedAt) {
        this.id = id;
        this.clientId = clientId;
        this.workspace = workspace;
        this.profile = profile;
        this.startedAt = startedAt;
    }

    String id() {
        return id;
    }

    Instant startedAt() {
        return startedAt;
    }

    String clientId() {
        return clientId;
    }

    String workspace() {
        return workspace;
    }

    synchronized void running() {
        state = RunState.RUNNING;
    }

    synchronized void add(ToolOutcome outcome) {
        outcomes.add(outcome);
    }

    synchronized List<ToolOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    synchronized void track(Future<?> future) {
        work.add(future);
    }

    /** Something the verdict should mention besides its judgement (a changed file that was dropped, say). */
    synchronized void note(String note) {
        notes.add(note);
    }

    /** Ends the run unless it already ended (a cancel and a finish race). */
    synchronized boolean finish(RunState end, String why, Instant at) {
        if (state.isFinished()) {
            return false;
        }
        state = end;
        verdict = notes.isEmpty() ? why : why + "; " + String.join("; ", notes);
        finishedAt = at;
        if (end == RunState.CANCELLED) {
            cancelWork();
        }
        return true;
    }

    /** Stops the tools still queued or running. */
    synchronized void cancelWork() {
        work.forEach(future -> future.cancel(true));
    }

    /** Whether a tool's end stops the whole run: failing tests of a test tool, under a fail-fast profile. */
    static boolean failsFast(QualityProfile profile, ToolCategory category, ToolStatus status) {
        return profile.failFast() && category == ToolCategory.UNIT && status == ToolStatus.FAILED;
    }

    /** Ends the run as FAILED because the tool's tests failed, and stops the other tools; false when it had already ended. */
    synchronized boolean stopFailingFast(String tool, Instant at) {
        if (!finish(RunState.FAILED, "fail-fast: " + tool + " has failing tests; the other tools were stopped", at)) {
            return false;
        }
        cancelWork();
        return true;
    }

    synchronized boolean isFinished() {
        return state.isFinished();
    }

    synchronized void git(GitState git) {
        this.git = git;
    }

    synchronized GitState git() {
        return git;
    }

    synchronized void plan(TestPlan plan) {
        plans.add(plan);
    }

    synchronized List<TestPlan> plans() {
        return List.copyOf(plans);
    }

    synchronized void baseline(Baseline baseline) {
        this.baseline = baseline;
    }

    synchronized void semantic(SemanticAnalysis semantic) {
        this.semantic = semantic;
    }

    synchronized void changedLines(ChangedLinesCoverage changedLines) {
        this.changedLines = changedLines;
    }

    /**
     * Replaces every outcome by what the function makes of it (fingerprints, marks against the baseline). The function
     * reads files, so it runs without the lock: snapshots and cancels are not held up meanwhile.
     */
    void rewrite(java.util.function.UnaryOperator<ToolOutcome> change) {
        List<ToolOutcome> before = outcomes();
        List<ToolOutcome> after = before.stream().map(change).toList();
        synchronized (this) {
            for (int i = 0; i < before.size(); i++) {
                int at = outcomes.indexOf(before.get(i));
                if (at >= 0) {
                    outcomes.set(at, after.get(i));
                }
            }
        }
    }

    synchronized QualityRunResult snapshot() {
        return new QualityRunResult(
                id,
                clientId,
                workspace,
                profile,
                state,
                startedAt,
                finishedAt,
                outcomes,
                verdict,
                git == null ? null : git.commit(),
                git == null ? null : git.branch(),
                baseline,
                changedLines,
                semantic,
                plans);
    }
}
