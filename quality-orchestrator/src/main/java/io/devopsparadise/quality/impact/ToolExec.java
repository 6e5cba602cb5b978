package io.devopsparadise.quality.impact;

import io.devopsparadise.contracts.instances.ExecResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs a command in the client's instance, from the workspace's root. */
@FunctionalInterface
public interface ToolExec {

    ExecResult exec(List<String> command, Map<String, String> environment, Duration timeout);
}
