package io.devopsparadise.quality.reports;

import java.nio.file.Path;

/**
 * A tool's report that cannot be read: missing, truncated or not of the expected format. Names the file, and never
 * quotes it: a report is written by the tested code.
 */
public class ReportParseException extends RuntimeException {

    public ReportParseException(String format, Path file, String reason, Throwable cause) {
        super("Cannot read the " + format + " report " + file + ": " + reason, cause);
    }

    /**
     * The same failure naming the report as the run knows it instead of the copy that was parsed; without the parser's
     * own exception, whose words may quote the file.
     */
    public ReportParseException(ReportParseException parsed, String copy, String report) {
        super(parsed.getMessage().replace(copy, report), null);
    }
}
