package io.devopsparadise.reports.render;

import io.devopsparadise.contracts.clients.ClientNames;
import io.devopsparadise.contracts.reports.TrendPoint;
import io.devopsparadise.reports.ReportProperties;
import io.devopsparadise.reports.input.InputRules;
import io.devopsparadise.reports.insights.ClientInsightsService;
import io.devopsparadise.reports.runs.RunStore;
import io.devopsparadise.reports.runs.StoredRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/** Renders a stored run's reports with its trend, and writes them to reports/&lt;client&gt;/&lt;run id&gt;/ in the data directory. */
@Service
public class Reports {

    private final Map<ReportFormat, ReportRenderer> renderers = new EnumMap<>(ReportFormat.class);
    private final RunStore store;
    private final ReportProperties properties;
    private final ReportFiles files;

    private final ClientInsightsService insights;

    Reports(
            List<ReportRenderer> renderers,
            RunStore store,
            ReportProperties properties,
            ReportFiles files,
            ClientInsightsService insights) {
        this.insights = insights;
        renderers.forEach(r -> this.renderers.put(r.format(), r));
        this.store = store;
        this.properties = properties;
        this.files = files;
    }

    public ReportModel model(StoredRun run) {
        List<TrendPoint> trend = store
                .history(
                        run.summary().clientId(),
                        run.summary().workspace(),
                        run.summary().startedAt(),
                        properties.trendWindow())
                .stream()
                .map(TrendPoint::of)
                .toList();
        return new ReportModel(
                run, trend, insights.of(run.summary().clientId(), run.summary().startedAt()));
    }

    public String render(StoredRun run, ReportFormat format) {
        return renderers.get(format).render(model(run));
    }

    /** Writes every format next to each other (the HTML links to the others by file name); returns the directory. */
    public Path write(StoredRun run) {
        ReportModel model = model(run);
        Map<String, Supplier<String>> rendered = new LinkedHashMap<>();
        renderers
                .values()
                .forEach(renderer -> rendered.put(renderer.format().fileName(), () -> renderer.render(model)));
        try {
            return files.write(run.summary().clientId(), run.summary().id(), rendered);
        } catch (IOException e) {
            throw new ReportsNotWrittenException(run.summary().id(), e);
        }
    }

    /** The report written when the run was stored, opened without following links; empty when it is not on disk. */
    public Optional<ReportFiles.ReportFile> file(String runId, ReportFormat format) {
        return store.overview(runId)
                .filter(o -> ClientNames.isValid(o.summary().clientId()) && InputRules.isRunId(runId))
                .flatMap(o -> files.open(o.summary().clientId(), runId, format.fileName()));
    }

    /** Whether every report of a stored run is on disk. */
    public boolean allWritten(String runId) {
        return store.overview(runId)
                .map(o -> java.util.Arrays.stream(ReportFormat.values())
                        .allMatch(format -> files.exists(o.summary().clientId(), runId, format.fileName())))
                .orElse(false);
    }
}
