package io.devopsparadise.quality.semantic;

import io.devopsparadise.contracts.quality.SemanticAnalysis;
import io.devopsparadise.contracts.quality.ToolOutcome;
import java.util.Objects;

/** What the semantic step adds to a run: the {@code semantic} tool's outcome (its findings) and the analysis. */
public record SemanticResult(ToolOutcome outcome, SemanticAnalysis analysis) {

    public SemanticResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(analysis, "analysis");
    }
}
