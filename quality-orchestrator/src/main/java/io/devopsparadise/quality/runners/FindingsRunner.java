package io.devopsparadise.quality.runners;

import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.quality.reportdir.ReportDirectory;
import io.devopsparadise.quality.reportdir.UnsafeReportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A lint or security tool: it ran when its report exists (exit codes mean "found something", not "failed");
 * findings count against the profile's limits, not against the tool.
 */
abstract class FindingsRunner implements ToolRunner {

    /** The report file's name in the run's report directory. */
    abstract String report();

    /** The report file's name for this run, when it depends on the run (the tool that stands in for another). */
    String report(RunContext context) {
        return report();
    }

    abstract List<Finding> parse(Path report, RunContext context);

    /** Tools whose report is empty when they found nothing say so here (an empty JSON report means a crash). */
    boolean emptyReportIsClean() {
        return false;
    }

    /** Tools that print their report instead of writing a file say so here. */
    boolean reportsOnStdout() {
        return false;
    }

    /** Why the tool could not do its work, when its report says so instead of listing findings. */
    Optional<String> reportedError(Path report) {
        return Optional.empty();
    }

    @Override
    public ToolOutcome collect(RunContext context, ExecResult result) {
        var notRun = Outcomes.notRun(this, result);
        if (notRun.isPresent()) {
            return notRun.get();
        }
        String name = report(context);
        Optional<Path> report;
        try {
            report = reportsOnStdout()
                    ? Optional.of(context.reports().keep(name, result.stdout()))
                    : context.reports().fetch(name);
        } catch (UnsafeReportException e) {
            return ToolOutcome.error(tool(), category(), result.durationMillis(), e.getMessage());
        }
        if (report.isEmpty() || size(report.get()) == 0 && !emptyReportIsClean()) {
            return Outcomes.crashed(this, result, tool() + " wrote no report");
        }
        Path copy = report.get();
        Optional<String> error = ReportDirectory.parseCopy(name, copy, this::reportedError);
        if (error.isPresent()) {
            return ToolOutcome.error(tool(), category(), result.durationMillis(), error.get());
        }
        return ToolOutcome.findings(
                tool(),
                category(),
                result.durationMillis(),
                ReportDirectory.parseCopy(name, copy, file -> parse(file, context)));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
