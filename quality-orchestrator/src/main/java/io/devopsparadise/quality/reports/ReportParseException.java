package io.devopsparadise.quality.reports;

import java.nio.file.Path;

/** A tool's report that cannot be read: missing, truncated or not of the expected format. Names the file. */
public class ReportParseException extends RuntimeException {

    public ReportParseException(String format, Path file, String reason, Throwable cause) {
        super("Cannot read the " + format + " report " + file + ": " + reason, cause);
    }
}
