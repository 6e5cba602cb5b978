package io.devopsparadise.contracts.instances;

/**
 * How a command run inside an instance ended.
 *
 * @param exitCode the process's exit code; -1 when it was killed on timeout
 * @param stdout   its standard output (the tail, when it was larger than the manager keeps)
 * @param stderr   its standard error (likewise)
 */
public record ExecResult(int exitCode, String stdout, String stderr, long durationMillis, boolean timedOut) {}
