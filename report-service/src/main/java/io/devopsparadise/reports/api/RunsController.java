package io.devopsparadise.reports.api;

import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.RunState;
import io.devopsparadise.reports.analysis.RunComparison;
import io.devopsparadise.reports.analysis.TrendPoint;
import io.devopsparadise.reports.feed.RunIngestion;
import io.devopsparadise.reports.render.ReportFormat;
import io.devopsparadise.reports.render.Reports;
import io.devopsparadise.reports.store.RunQuery;
import io.devopsparadise.reports.store.RunStore;
import io.devopsparadise.reports.store.RunSummary;
import io.devopsparadise.reports.store.StoredRun;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

@RestController
@RequestMapping("/api")
class RunsController {

    private final RunStore store;
    private final Reports reports;
    private final RunIngestion ingestion;
    private final io.devopsparadise.reports.ReportProperties properties;

    RunsController(RunStore store, Reports reports, RunIngestion ingestion, io.devopsparadise.reports.ReportProperties properties) {
        this.store = store;
        this.reports = reports;
        this.ingestion = ingestion;
        this.properties = properties;
    }

    @GetMapping("/runs")
    @Operation(summary = "Stored runs, newest first, filtered by client, workspace, state, branch and start time")
    List<RunSummary> list(@RequestParam(required = false) String clientId, @RequestParam(required = false) String workspace,
                          @RequestParam(required = false) RunState state, @RequestParam(required = false) String branch,
                          @RequestParam(required = false) Instant since, @RequestParam(defaultValue = "50") int limit) {
        return store.list(new RunQuery(clientId, workspace, state, branch, since, limit));
    }

    @PostMapping("/runs")
    @Operation(summary = "Store a finished run (the orchestrator's result JSON); runs are also fetched from the orchestrator on their own")
    ResponseEntity<RunSummary> ingest(@RequestBody QualityRunResult run) {
        if (run.clientId() == null || run.clientId().isBlank() || run.workspace() == null || run.profile() == null || run.startedAt() == null) {
            throw new IllegalArgumentException("a run needs id, clientId, workspace, profile, state and startedAt");
        }
        return ingestion.ingest(run)
                .map(stored -> ResponseEntity.created(URI.create("/api/runs/" + stored.summary().id())).body(stored.summary()))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.OK).body(find(run.id()).summary()));
    }

    @GetMapping("/runs/{id}")
    @Operation(summary = "One stored run: summary, score with its components, and the whole result")
    StoredRun get(@PathVariable String id) {
        return find(id);
    }

    @GetMapping("/runs/{id}/{file:report\\..+}")
    @Operation(summary = "A report of the run: report.html, report.json, report.md, report.sarif or report.junit.xml")
    ResponseEntity<byte[]> report(@PathVariable String id, @PathVariable String file, @RequestParam(defaultValue = "false") boolean download) {
        ReportFormat format = ReportFormat.byFileName(file).orElseThrow(() -> new IllegalArgumentException("unknown report " + file
                + "; choose one of " + Arrays.stream(ReportFormat.values()).map(ReportFormat::fileName).toList()));
        byte[] body = reports.render(find(id), format).getBytes(StandardCharsets.UTF_8);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(MediaType.parseMediaType(format.mediaType()));
        if (download) {
            response.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename("quality-" + id + "-" + format.fileName()).build().toString());
        }
        return response.body(body);
    }

    @GetMapping("/trends")
    @Operation(summary = "The trend of one client and workspace: pass rate, coverage, findings by severity, duration and score per run, oldest first")
    List<TrendPoint> trends(@RequestParam String clientId, @RequestParam String workspace, @RequestParam(required = false) Integer limit) {
        int window = limit == null ? properties.trendWindow() : limit;
        if (window < 1 || window > RunQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + RunQuery.MAX_LIMIT + ", got " + window);
        }
        return store.history(clientId, workspace, null, window).stream().map(TrendPoint::of).toList();
    }

    @GetMapping("/compare")
    @Operation(summary = "What changed from the base run to the head run: new and fixed failures, new and fixed findings, coverage and score deltas")
    RunComparison compare(@RequestParam String base, @RequestParam String head) {
        return RunComparison.of(find(base), find(head));
    }

    private StoredRun find(String id) {
        return store.find(id).orElseThrow(() -> new RunNotFoundException(id));
    }
}
