package io.devopsparadise.contracts.quality;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A run in a few hundred bytes whatever its size: state, verdict, counts per tool and the first failures and most
 * severe findings. Lists, live views and MCP answers carry this, never the whole result.
 *
 * @param stored      true once the report-service has acknowledged storing the run
 * @param topFailures at most {@link #TOP} failing tests, their messages cut short
 * @param topFindings at most {@link #TOP} judged findings, those the run introduced first, then most severe first
 * @param baseline    the stored run this one was compared with; null for a first run or a run in progress
 * @param newFindings findings introduced since the baseline (judged and advice)
 * @param newFailures tests failing now that did not fail in the baseline
 * @param plans       the test plans of its test tools (small: at most 20 tests and 50 changed blocks named each)
 */
public record RunDigest(
        String id,
        String clientId,
        String workspace,
        String profile,
        RunState state,
        Instant startedAt,
        Instant finishedAt,
        String verdict,
        String gitCommit,
        String gitBranch,
        List<ToolDigest> tools,
        List<TestCaseResult> topFailures,
        List<Finding> topFindings,
        boolean stored,
        Baseline baseline,
        int newFindings,
        int newFailures,
        List<TestPlan> plans) {

    /** How many failures and findings a digest names. */
    public static final int TOP = 10;

    public RunDigest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        tools = tools == null ? List.of() : List.copyOf(tools);
        topFailures = topFailures == null ? List.of() : List.copyOf(topFailures);
        topFindings = topFindings == null ? List.of() : List.copyOf(topFindings);
        plans = plans == null ? List.of() : List.copyOf(plans);
    }

    public RunDigest acknowledged() {
        return new RunDigest(
                id,
                clientId,
                workspace,
                profile,
                state,
                startedAt,
                finishedAt,
                verdict,
                gitCommit,
                gitBranch,
                tools,
                topFailures,
                topFindings,
                true,
                baseline,
                newFindings,
                newFailures,
                plans);
    }
}
