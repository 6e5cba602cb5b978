package io.devopsparadise.instances.profiles;

/**
 * Per-instance limits, applied by the docker engine.
 *
 * @param memoryBytes memory limit
 * @param nanoCpus    CPU limit in billionths of a core, as Docker counts it
 * @param pids        maximum number of processes
 */
public record ResourceLimits(long memoryBytes, long nanoCpus, long pids) {

    public ResourceLimits {
        if (memoryBytes < 6 * 1024 * 1024) {
            throw new IllegalArgumentException(
                    "memory limit must be at least 6m (Docker's minimum), got " + memoryBytes + " bytes");
        }
        if (nanoCpus <= 0 || pids <= 0) {
            throw new IllegalArgumentException("cpus and pids limits must be positive");
        }
    }
}
