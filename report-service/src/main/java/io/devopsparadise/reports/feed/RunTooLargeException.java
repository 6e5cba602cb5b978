package io.devopsparadise.reports.feed;

import org.springframework.util.unit.DataSize;

/** A run's result is larger than the report-service is configured to store. */
public class RunTooLargeException extends RuntimeException {

    static RunTooLargeException ofRun(String runId, DataSize limit) {
        return new RunTooLargeException("run " + runId, limit);
    }

    static RunTooLargeException ofPostedRun(DataSize limit) {
        return new RunTooLargeException("the posted run", limit);
    }

    private RunTooLargeException(String what, DataSize limit) {
        super(what + " is larger than " + readable(limit) + ", the most paradise.reports.max-run-size allows;"
                + " raise that setting (e.g. PARADISE_REPORTS_MAX_RUN_SIZE=512MB) to store it");
    }

    private static String readable(DataSize size) {
        if (size.toMegabytes() > 0) {
            return size.toMegabytes() + " MB";
        }
        return size.toKilobytes() > 0 ? size.toKilobytes() + " KB" : size.toBytes() + " bytes";
    }
}
