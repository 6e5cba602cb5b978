package io.devopsparadise.contracts.instances;

import java.util.List;

/**
 * A command to run inside an instance, as an argument array (never a shell string).
 *
 * @param command        program and arguments
 * @param workdir        working directory inside the instance; the workspace when null
 * @param timeoutSeconds the command is killed after this long; the manager's default when null
 */
public record ExecRequest(List<String> command, String workdir, Integer timeoutSeconds) {

    public ExecRequest {
        command = command == null ? List.of() : List.copyOf(command);
    }
}
