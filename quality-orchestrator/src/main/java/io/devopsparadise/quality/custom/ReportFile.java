package io.devopsparadise.quality.custom;

import io.devopsparadise.quality.reportdir.UnsafeReportException;
import io.devopsparadise.quality.reports.ReportParseException;
import io.devopsparadise.quality.runners.RunContext;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A report a project's command wrote, read as data, like every report ({@link io.devopsparadise.quality.reportdir.ReportDirectory}):
 * a bounded copy of a regular file inside the run's report directory, reached without following a link.
 */
final class ReportFile {

    private ReportFile() {}

    static <T> T parse(RunContext context, ReportSpec spec, Function<Path, T> parser) {
        try {
            return context.reports()
                    .parse(spec.relative(), parser)
                    .orElseThrow(() ->
                            new UnreadableReportException("wrote no " + spec.format() + " report at " + spec.path()));
        } catch (UnsafeReportException | ReportParseException e) {
            throw new UnreadableReportException(
                    e.getMessage().replace("report " + spec.relative(), "report " + spec.path()));
        }
    }

    /** A report the command should have written and that cannot be read. */
    static final class UnreadableReportException extends RuntimeException {

        UnreadableReportException(String why) {
            super(why);
        }
    }
}
