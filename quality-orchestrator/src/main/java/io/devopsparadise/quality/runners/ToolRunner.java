package io.devopsparadise.quality.runners;

import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.contracts.quality.ToolCategory;
import io.devopsparadise.contracts.quality.ToolOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One quality tool: when it applies, the command that runs it inside the instance (an argument array, never a
 * shell string), and how its standard report becomes an outcome.
 */
public interface ToolRunner {

    String tool();

    /** unit, lint, security, api, e2e or performance. */
    ToolCategory category();

    boolean appliesTo(RunContext context);

    /** Why a tool that applies cannot run in this run (a setting the profile lacks); it is then skipped with this reason. */
    default Optional<String> unmetRequirement(RunContext context) {
        return Optional.empty();
    }

    List<String> command(RunContext context);

    /** True for a linter the workspace does not configure (its findings are advice; some profiles do not run it). */
    default boolean isUnconfiguredLinter(RunContext context) {
        return false;
    }

    /** Environment the command needs besides the instance's own (tools configured by environment). */
    default Map<String, String> environment(RunContext context) {
        return Map.of();
    }

    /** How long this tool may take: the profile's tool-timeout unless the tool's own configuration asks for less. */
    default Duration timeout(Duration profileTimeout) {
        return profileTimeout;
    }

    /** What to install when the tool is missing from the instance. */
    String installHint();

    ToolOutcome collect(RunContext context, ExecResult result);
}
