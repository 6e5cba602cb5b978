package io.devopsparadise.reports.runs;

/** A finished run that the report-service could not store; the message says why and what to change. */
class RunNotStoredException extends RuntimeException {

    RunNotStoredException(String reason) {
        super(reason);
    }
}
