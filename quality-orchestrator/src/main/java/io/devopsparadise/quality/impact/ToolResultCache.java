package io.devopsparadise.quality.impact;

import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.quality.ToolStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Reuses a tool's last passing result while nothing it reads has changed, as Bazel caches test results by their
 * inputs. The key covers the workspace's files (every file Git does not ignore, committed or not), the tool's
 * command and environment (its configuration), and the instance it ran in (its tools' versions: a re-provisioned or
 * restarted instance is a new key). Only complete, passing results are kept: a failure always runs again.
 */
@Component
public class ToolResultCache {

    private final ToolResults results;
    private final Clock clock;

    ToolResultCache(ToolResults results, Clock clock) {
        this.results = results;
        this.clock = clock;
    }

    /**
     * The inputs' key, or empty when they cannot be known (no Git repository).
     *
     * @param runId    the run's id, left out of the command (its report paths name it)
     * @param instance what identifies the tools' versions: the instance's profile and when it started
     */
    public static Optional<String> inputKey(
            Path workspace,
            String tool,
            List<String> command,
            Map<String, String> environment,
            String runId,
            String instance) {
        return WorkspaceDigest.of(workspace)
                .map(files -> SourceBlocks.sha256(String.join(
                        "\0",
                        List.of(
                                tool,
                                String.join("\0", command).replace(runId, "RUN"),
                                new TreeMap<>(environment).toString().replace(runId, "RUN"),
                                instance,
                                files))));
    }

    /** The stored outcome of this client's workspace, marked cached, when it was stored under this key. */
    public Optional<ToolOutcome> reuse(String client, Path workspace, String tool, String inputKey) {
        return results.find(client + "@" + workspace, tool, inputKey)
                .map(stored -> stored.outcome().cachedFrom(stored.runId()));
    }

    /** Keeps a complete, passing result; anything else is not reused. */
    public void keep(String client, Path workspace, String inputKey, String runId, ToolOutcome outcome) {
        if (outcome.status() == ToolStatus.PASSED && outcome.cachedFrom() == null) {
            results.save(client + "@" + workspace, inputKey, runId, outcome, clock.instant());
        }
    }
}
