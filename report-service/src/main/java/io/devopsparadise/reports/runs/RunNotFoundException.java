package io.devopsparadise.reports.runs;

/** No stored run has this id. */
class RunNotFoundException extends RuntimeException {

    RunNotFoundException(String id) {
        super("no stored run has the id " + id + "; GET /api/runs lists the stored runs");
    }
}
