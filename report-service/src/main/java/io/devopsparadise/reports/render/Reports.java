package io.devopsparadise.reports.render;

import io.devopsparadise.reports.ReportProperties;
import io.devopsparadise.reports.analysis.TrendPoint;
import io.devopsparadise.reports.store.RunStore;
import io.devopsparadise.reports.store.StoredRun;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Renders a stored run's reports with its trend, and writes them to reports/&lt;client&gt;/&lt;run id&gt;/ in the data directory. */
@Service
public class Reports {

    private static final Pattern SAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private final Map<ReportFormat, ReportRenderer> renderers = new EnumMap<>(ReportFormat.class);
    private final RunStore store;
    private final ReportProperties properties;

    Reports(List<ReportRenderer> renderers, RunStore store, ReportProperties properties) {
        renderers.forEach(r -> this.renderers.put(r.format(), r));
        this.store = store;
        this.properties = properties;
    }

    public ReportModel model(StoredRun run) {
        List<TrendPoint> trend = store.history(run.summary().clientId(), run.summary().workspace(), run.summary().startedAt(),
                properties.trendWindow()).stream().map(TrendPoint::of).toList();
        return new ReportModel(run, trend);
    }

    public String render(StoredRun run, ReportFormat format) {
        return renderers.get(format).render(model(run));
    }

    /** Writes every format next to each other (the HTML links to the others by file name); returns the directory. */
    public Path write(StoredRun run) {
        ReportModel model = model(run);
        Path dir = directory(run);
        try {
            Files.createDirectories(dir);
            for (ReportRenderer renderer : renderers.values()) {
                Path temporary = dir.resolve(renderer.format().fileName() + ".tmp");
                Files.writeString(temporary, renderer.render(model));
                Files.move(temporary, dir.resolve(renderer.format().fileName()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports of run " + run.summary().id() + " to " + dir, e);
        }
        return dir;
    }

    public Path directory(StoredRun run) {
        return directory(run.summary().clientId(), run.summary().id());
    }

    /** The report written when the run was stored, if it is on disk. */
    public Optional<Path> file(String runId, ReportFormat format) {
        return store.overview(runId).map(o -> directory(o.summary().clientId(), runId).resolve(format.fileName())).filter(Files::isRegularFile);
    }

    private Path directory(String clientId, String runId) {
        return properties.reportsDir().resolve(SAFE.matcher(clientId).replaceAll("_")).resolve(SAFE.matcher(runId).replaceAll("_"));
    }
}
