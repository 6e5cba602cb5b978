package io.devopsparadise.gateway.tools;

import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.TestStatus;
import io.devopsparadise.contracts.quality.ToolOutcome;

import java.util.stream.Collectors;

/** A run in a few lines a model can read: state, verdict, and one line per tool. */
final class QualityRunSummary {

    private QualityRunSummary() {
    }

    static String of(QualityRunResult run) {
        StringBuilder text = new StringBuilder("Quality run " + run.id() + " (" + run.profile() + "): " + run.state());
        if (run.verdict() != null) {
            text.append(" — ").append(run.verdict());
        }
        for (ToolOutcome tool : run.tools()) {
            text.append("\n- ").append(tool.tool()).append(" [").append(tool.category()).append("] ").append(tool.status());
            if (!tool.tests().isEmpty()) {
                var counts = tool.tests().stream().collect(Collectors.groupingBy(t -> t.status(), Collectors.counting()));
                text.append(": ").append(tool.tests().size()).append(" tests, ")
                        .append(counts.getOrDefault(TestStatus.FAILED, 0L) + counts.getOrDefault(TestStatus.ERROR, 0L)).append(" failing");
            }
            if (tool.coverage() != null) {
                text.append(String.format(", line coverage %.1f%%", tool.coverage().lineRate() * 100));
            }
            if (!tool.findings().isEmpty()) {
                text.append(": ").append(tool.findings().size()).append(" findings");
            }
            if (tool.detail() != null) {
                text.append(" (").append(tool.detail()).append(")");
            }
        }
        return text.toString();
    }
}
