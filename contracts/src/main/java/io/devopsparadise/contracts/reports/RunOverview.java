package io.devopsparadise.contracts.reports;

import io.devopsparadise.contracts.quality.ToolDigest;
import java.util.List;

/** A stored run without its whole result: summary, score, and each tool's counts. Its tests and findings are paged apart. */
public record RunOverview(RunSummary summary, QualityScore score, List<ToolDigest> tools) {

    public RunOverview {
        tools = tools == null ? List.of() : List.copyOf(tools);
    }
}
