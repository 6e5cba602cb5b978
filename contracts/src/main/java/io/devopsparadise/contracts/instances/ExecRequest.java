package io.devopsparadise.contracts.instances;

import java.util.List;
import java.util.Map;

/**
 * A command to run inside an instance, as an argument array (never a shell string).
 *
 * @param command        program and arguments
 * @param workdir        working directory inside the instance; the workspace when null
 * @param timeoutSeconds the command is killed after this long; the manager's default when null
 * @param env            extra environment variables for the command (tools configured by environment, like jest-junit)
 */
public record ExecRequest(List<String> command, String workdir, Integer timeoutSeconds, Map<String, String> env) {

    public ExecRequest {
        command = command == null ? List.of() : List.copyOf(command);
        env = env == null ? Map.of() : Map.copyOf(env);
    }

    public ExecRequest(List<String> command, String workdir, Integer timeoutSeconds) {
        this(command, workdir, timeoutSeconds, Map.of());
    }
}
