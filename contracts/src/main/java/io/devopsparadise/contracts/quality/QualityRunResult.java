package io.devopsparadise.contracts.quality;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A quality run: who asked, on what, with which profile, and what every tool found. Sent to the report-service.
 *
 * @param verdict why the run passed or failed against the profile's thresholds, in words
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
        String verdict) {

    public QualityRunResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        tools = tools == null ? List.of() : List.copyOf(tools);
    }
}
