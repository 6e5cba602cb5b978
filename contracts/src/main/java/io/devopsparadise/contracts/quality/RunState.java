package io.devopsparadise.contracts.quality;

public enum RunState {
    QUEUED,
    RUNNING,
    PASSED,
    FAILED,
    ERROR,
    CANCELLED;

    public boolean isFinished() {
        return this != QUEUED && this != RUNNING;
    }
}
