package io.devopsparadise.contracts.quality;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A quality run: who asked, on what, with which profile, and what every tool found. Sent to the report-service.
 *
 * @param verdict   why the run passed or failed against the profile's thresholds, in words
 * @param gitCommit the workspace's HEAD commit when the run started; null when the workspace is not a git repository
 * @param gitBranch the checked-out branch; null when detached or not a repository
 * @param baseline  the stored run this run was compared with; null for a project's first run (it sets the baseline)
 * @param changedLinesCoverage coverage of the lines changed since the baseline's commit; null without a baseline commit
 *                  or coverage report
 * @param semantic  what the client's code backend says about the code: the symbols the change touches, who references
 *                  them, an overview; null when the run's profile has no semantic step (its findings are the
 *                  {@code semantic} tool's)
 * @param plans     the test plans of its test tools (which tests ran, which were skipped and why); empty when every
 *                  test ran without a plan
 */
public record QualityRunResult(
        String id,
        String clientId,
        String workspace,
        String profile,
        RunState state,
        Instant startedAt,
        Instant finishedAt,
        List<ToolOutcome> tools,
        String verdict,
        String gitCommit,
        String gitBranch,
        Baseline baseline,
        ChangedLinesCoverage changedLinesCoverage,
        SemanticAnalysis semantic,
        List<TestPlan> plans) {

    /** A run without test plans. */
    public QualityRunResult(
            String id,
            String clientId,
            String workspace,
            String profile,
            RunState state,
            Instant startedAt,
            Instant finishedAt,
            List<ToolOutcome> tools,
            String verdict,
            String gitCommit,
            String gitBranch,
            Baseline baseline,
            ChangedLinesCoverage changedLinesCoverage,
            SemanticAnalysis semantic) {
        this(
                id,
                clientId,
                workspace,
                profile,
                state,
                startedAt,
                finishedAt,
                tools,
                verdict,
                gitCommit,
                gitBranch,
                baseline,
                changedLinesCoverage,
                semantic,
                List.of());
    }

    /** A run without a semantic analysis. */
    public QualityRunResult(
            String id,
            String clientId,
            String workspace,
            String profile,
            RunState state,
            Instant startedAt,
            Instant finishedAt,
            List<ToolOutcome> tools,
            String verdict,
            String gitCommit,
            String gitBranch,
            Baseline baseline,
            ChangedLinesCoverage changedLinesCoverage) {
        this(
                id,
                clientId,
                workspace,
                profile,
                state,
                startedAt,
                finishedAt,
                tools,
                verdict,
                gitCommit,
                gitBranch,
                baseline,
                changedLinesCoverage,
                null,
                List.of());
    }

    public QualityRunResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        tools = tools == null ? List.of() : List.copyOf(tools);
        plans = plans == null ? List.of() : List.copyOf(plans);
    }
}
