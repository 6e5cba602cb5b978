package io.devopsparadise.quality.runners;

import io.devopsparadise.quality.detection.DetectedWorkspace;
import io.devopsparadise.quality.reportdir.ReportDirectory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Where one run's tools work.
 *
 * @param workspaceInInstance the workspace as the instance sees it (/workspace in a container, the host path for a process)
 * @param reportDir           the run's report directory, relative to the workspace
 * @param changedFiles        when not empty, lint and security tools look at these files only (relative to the workspace)
 * @param targetUrl           the running application API, E2E and performance tools test; null when the profile names none
 * @param judgeUnconfiguredLinters the profile judges the findings of linters the project does not configure too (else they are advice)
 * @param reports             how the orchestrator reads the reports (never through a link) and where it keeps its copies
 */
public record RunContext(
        String runId,
        Instant startedAt,
        DetectedWorkspace workspace,
        String workspaceInInstance,
        String reportDir,
        List<String> changedFiles,
        URI targetUrl,
        Toolbox tools,
        boolean judgeUnconfiguredLinters,
        ReportDirectory reports) {

    /** The largest report read when the configuration says nothing. */
    public static final long DEFAULT_MAX_REPORT_BYTES = 64L * 1024 * 1024;

    /** A run whose profile judges only the linters the project configures. */
    public RunContext(
            String runId,
            Instant startedAt,
            DetectedWorkspace workspace,
            String workspaceInInstance,
            String reportDir,
            List<String> changedFiles,
            URI targetUrl,
            Toolbox tools) {
        this(runId, startedAt, workspace, workspaceInInstance, reportDir, changedFiles, targetUrl, tools, false);
    }

    /** A run whose report copies go into the system's temporary directory (tests and tools outside the service). */
    public RunContext(
            String runId,
            Instant startedAt,
            DetectedWorkspace workspace,
            String workspaceInInstance,
            String reportDir,
            List<String> changedFiles,
            URI targetUrl,
            Toolbox tools,
            boolean judgeUnconfiguredLinters) {
        this(
                runId,
                startedAt,
                workspace,
                workspaceInInstance,
                reportDir,
                changedFiles,
                targetUrl,
                tools,
                judgeUnconfiguredLinters,
                new ReportDirectory(
                        workspace.root(),
                        reportDir,
                        Path.of(System.getProperty("java.io.tmpdir"), "paradise-report-copies", runId),
                        DEFAULT_MAX_REPORT_BYTES));
    }

    public RunContext {
        changedFiles = changedFiles == null ? List.of() : List.copyOf(changedFiles);
    }

    /** A report file as the tool inside the instance writes it. */
    public String reportInInstance(String name) {
        return workspaceInInstance + "/" + reportDir + "/" + name;
    }

    /** Where the tool writes a report in the workspace, seen from the host; read it only through {@link #reports()}. */
    public Path reportOnHost(String name) {
        return workspace.root().resolve(reportDir).resolve(name);
    }

    /**
     * The files a lint or security tool should look at: the changed ones of that kind, or all of them. They follow a
     * {@code --} on the command line (not for flake8, which mistakes its own options for files then), and a name that
     * starts with '-' gets "./" too (pylint reads options past "--").
     */
    public List<String> filesOfKind(List<String> all, String suffix) {
        List<String> files = changedFiles.isEmpty()
                ? all
                : changedFiles.stream().filter(f -> f.endsWith(suffix)).toList();
        return files.stream().map(f -> f.startsWith("-") ? "./" + f : f).toList();
    }

    /** Whether a linter's findings count toward the verdict: the project configures it, or the profile judges all linters. */
    public boolean judges(String linter) {
        return judgeUnconfiguredLinters || workspace.rules().configures(linter);
    }

    public String nodeModules() {
        return tools.nodeModules();
    }

    public String python() {
        return tools.python();
    }
}
