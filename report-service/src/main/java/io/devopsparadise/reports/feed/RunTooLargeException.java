package io.devopsparadise.reports.feed;

import org.springframework.util.unit.DataSize;

/** A run's result is larger than the report-service is configured to store. */
class RunTooLargeException extends RuntimeException {

    RunTooLargeException(String runId, DataSize limit) {
        super("run " + runId + " is larger than " + readable(limit) + ", the most paradise.reports.max-run-size allows;"
                + " raise that setting (e.g. PARADISE_REPORTS_MAX_RUN_SIZE=512MB) to store it");
    }

    private static String readable(DataSize size) {
        if (size.toMegabytes() > 0) {
            return size.toMegabytes() + " MB";
        }
        return size.toKilobytes() > 0 ? size.toKilobytes() + " KB" : size.toBytes() + " bytes";
    }
}
