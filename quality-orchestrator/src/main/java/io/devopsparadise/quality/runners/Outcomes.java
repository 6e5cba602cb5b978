package io.devopsparadise.quality.runners;

import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.contracts.quality.ToolOutcome;
import java.util.List;
import java.util.Optional;

/** Outcomes every runner shares: a tool that is not installed, one that crashed or timed out. */
public final class Outcomes {

    private static final int COMMAND_NOT_FOUND = 127;
    private static final int TAIL = 2_000;

    private Outcomes() {}

    /** Skipped or erred, when the result says the tool did not really run. */
    public static Optional<ToolOutcome> notRun(ToolRunner runner, ExecResult result) {
        String stderr = result.stderr() == null ? "" : result.stderr();
        if (result.exitCode() == COMMAND_NOT_FOUND
                || result.exitCode() == 126
                || stderr.contains("No module named")
                || stderr.contains("executable file not found")
                || stderr.contains("Cannot find module")) {
            return Optional.of(ToolOutcome.skipped(
                    runner.tool(),
                    runner.category(),
                    runner.tool() + " is not installed in the instance: " + runner.installHint()));
        }
        if (result.timedOut()) {
            return Optional.of(ToolOutcome.error(
                    runner.tool(), runner.category(), result.durationMillis(), runner.tool() + " timed out"));
        }
        return Optional.empty();
    }

    /** The same outcome with notes added to its detail (what the project configures, files that could not be read). */
    public static ToolOutcome noted(ToolOutcome outcome, List<String> notes) {
        if (notes.isEmpty()) {
            return outcome;
        }
        String note = String.join("; ", notes);
        return new ToolOutcome(
                outcome.tool(),
                outcome.category(),
                outcome.status(),
                outcome.durationMillis(),
                outcome.detail() == null ? note : outcome.detail() + "; " + note,
                outcome.tests(),
                outcome.coverage(),
                outcome.findings(),
                outcome.performance(),
                outcome.advisory(),
                outcome.cachedFrom());
    }

    public static ToolOutcome crashed(ToolRunner runner, ExecResult result, String why) {
        String stderr = result.stderr() == null ? "" : result.stderr();
        // some tools (Maven) print their errors on standard output
        String output = stderr.isBlank() && result.stdout() != null ? result.stdout() : stderr;
        String tail = output.length() > TAIL ? output.substring(output.length() - TAIL) : output;
        return ToolOutcome.error(
                runner.tool(),
                runner.category(),
                result.durationMillis(),
                why + " (exit " + result.exitCode() + ")" + (tail.isBlank() ? "" : ": " + tail.strip()));
    }
}
