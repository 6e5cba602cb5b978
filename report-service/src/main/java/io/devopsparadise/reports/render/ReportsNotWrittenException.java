package io.devopsparadise.reports.render;

import java.io.IOException;

/** A run's reports could not be written to the reports directory (a link where they go, a full disk): the run is not stored. */
public class ReportsNotWrittenException extends RuntimeException {

    ReportsNotWrittenException(String runId, IOException cause) {
        super("cannot write the reports of run " + runId + ", so it is not stored: " + cause.getMessage(), cause);
    }
}
