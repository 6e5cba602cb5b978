package io.devopsparadise.quality.reportdir;

/** A report the orchestrator refuses to read or write: a link, not a regular file, outside the run's directory, or too large. */
public class UnsafeReportException extends RuntimeException {

    public UnsafeReportException(String why) {
        super(why);
    }
}
