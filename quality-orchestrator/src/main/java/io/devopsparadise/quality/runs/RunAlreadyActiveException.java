package io.devopsparadise.quality.runs;

/** A client asked for a run on a workspace that already has one queued or running. */
class RunAlreadyActiveException extends RuntimeException {

    private final String runningId;

    RunAlreadyActiveException(String runningId, String clientId, String workspace) {
        super("client " + clientId + " already has run " + runningId + " in progress on " + workspace
                + "; wait for it to finish or cancel it (DELETE /api/runs/" + runningId + ")");
        this.runningId = runningId;
    }

    String runningId() {
        return runningId;
    }
}
