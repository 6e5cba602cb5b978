package io.devopsparadise.reports.input;

/** A request or a run names something the report-service refuses: a run id that is no UUID, a client name off the rule. */
public class InvalidInputException extends IllegalArgumentException {

    public InvalidInputException(String message) {
        super(message);
    }
}
