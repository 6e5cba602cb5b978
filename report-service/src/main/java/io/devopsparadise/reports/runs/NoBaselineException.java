package io.devopsparadise.reports.runs;

/** No stored run can serve as a baseline: the next run sets it. */
class NoBaselineException extends RuntimeException {

    NoBaselineException(String message) {
        super(message);
    }
}
