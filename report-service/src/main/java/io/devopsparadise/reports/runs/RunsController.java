package io.devopsparadise.reports.runs;

import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.RunState;
import io.devopsparadise.contracts.quality.Severity;
import io.devopsparadise.contracts.quality.TestStatus;
import io.devopsparadise.contracts.reports.FindingItem;
import io.devopsparadise.contracts.reports.Page;
import io.devopsparadise.contracts.reports.RunOverview;
import io.devopsparadise.contracts.reports.RunSummary;
import io.devopsparadise.contracts.reports.TestItem;
import io.devopsparadise.contracts.reports.TrendPoint;
import io.devopsparadise.reports.analysis.Comparisons;
import io.devopsparadise.reports.analysis.RunComparison;
import io.devopsparadise.reports.feed.RunIngestion;
import io.devopsparadise.reports.input.InputRules;
import io.devopsparadise.reports.render.ReportFormat;
import io.devopsparadise.reports.render.Reports;
import io.swagger.v3.oas.annotations.Operation;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class RunsController {

    private static final String TOTAL_COUNT = "X-Total-Count";

    private final RunStore store;
    private final RunItems items;
    private final StorageFailures failures;
    private final Reports reports;
    private final RunIngestion ingestion;
    private final io.devopsparadise.reports.ReportProperties properties;
    private final Comparisons comparisons;

    RunsController(
            RunStore store,
            RunItems items,
            StorageFailures failures,
            Reports reports,
            RunIngestion ingestion,
            io.devopsparadise.reports.ReportProperties properties,
            Comparisons comparisons) {
        this.comparisons = comparisons;
        this.store = store;
        this.items = items;
        this.failures = failures;
        this.reports = reports;
        this.ingestion = ingestion;
        this.properties = properties;
    }

    @GetMapping("/runs")
    @Operation(
            summary =
                    "Summaries of stored runs, newest first, filtered by client, workspace, state, branch and start time;"
                            + " a page of `limit` from `offset`, the number of matching runs in the X-Total-Count header")
    ResponseEntity<List<RunSummary>> list(
            @RequestParam(required = false) String clientId,
            @RequestParam(required = false) String workspace,
            @RequestParam(required = false) RunState state,
            @RequestParam(required = false) String branch,
            @RequestParam(required = false) Instant since,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        Page.check(offset, limit);
        Page<RunSummary> page = store.list(
                new RunQuery(
                        InputRules.optionalClientName("clientId", clientId), workspace, state, branch, since, limit),
                offset);
        return ResponseEntity.ok()
                .header(TOTAL_COUNT, Long.toString(page.total()))
                .body(page.items());
    }

    @PostMapping(path = "/runs", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary =
                    "Store a finished run (the orchestrator's result JSON, at most paradise.reports.max-run-size); runs are also"
                            + " fetched from the orchestrator on their own. 400 names the broken rule (a run id is a UUID, a client name follows"
                            + " the client-name rule), 413 when the run is too large")
    ResponseEntity<RunSummary> ingest(InputStream body) {
        QualityRunResult run = ingestion.parse(body);
        return ingestion
                .ingest(run)
                .map(stored -> ResponseEntity.created(
                                URI.create("/api/runs/" + stored.summary().id()))
                        .body(stored.summary()))
                .orElseGet(() ->
                        ResponseEntity.status(HttpStatus.OK).body(get(run.id()).summary()));
    }

    @GetMapping("/runs/{id}")
    @Operation(
            summary =
                    "One stored run: summary, score with its components and each tool's counts (its tests and findings are"
                            + " paged under /tests and /findings, the whole result is /result). 422 when the run could not be stored, with the reason")
    RunOverview get(@PathVariable String id) {
        return store.overview(InputRules.runId("id", id)).orElseThrow(() -> notStored(id));
    }

    @GetMapping(path = "/runs/{id}/result", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One stored run's whole result as the orchestrator gave it (large runs: tens of MB)")
    ResponseEntity<String> result(@PathVariable String id) {
        return ResponseEntity.ok(store.resultJson(InputRules.runId("id", id)).orElseThrow(() -> notStored(id)));
    }

    @GetMapping("/runs/{id}/tests")
    @Operation(
            summary = "A page of a stored run's test cases, optionally of one status (FAILED includes ERROR) or tool")
    Page<TestItem> tests(
            @PathVariable String id,
            @RequestParam(required = false) TestStatus status,
            @RequestParam(required = false) String tool,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        Page.check(offset, limit);
        store.overview(InputRules.runId("id", id)).orElseThrow(() -> notStored(id));
        return items.tests(id, status, tool, offset, limit);
    }

    @GetMapping("/runs/{id}/findings")
    @Operation(
            summary =
                    "A page of a stored run's findings, most severe first, optionally of one severity or tool, judged or advisory,"
                            + " introduced since the baseline (introduced=true) or existing (introduced=false)")
    Page<FindingItem> findings(
            @PathVariable String id,
            @RequestParam(required = false) Severity severity,
            @RequestParam(required = false) String tool,
            @RequestParam(required = false) Boolean advisory,
            @RequestParam(required = false) Boolean introduced,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        Page.check(offset, limit);
        store.overview(InputRules.runId("id", id)).orElseThrow(() -> notStored(id));
        return items.findings(id, severity, tool, advisory, introduced, offset, limit);
    }

    @GetMapping("/storage-failures")
    @Operation(
            summary =
                    "Finished runs that could not be stored (yet): the reason, the attempts and when they are tried again")
    List<StorageFailures.StorageFailure> storageFailures(
            @RequestParam(required = false) String clientId, @RequestParam(defaultValue = "50") int limit) {
        Page.check(0, limit);
        return failures.list(InputRules.optionalClientName("clientId", clientId), limit);
    }

    @GetMapping("/runs/{id}/{file:report\\..+}")
    @Operation(summary = "A report of the run: report.html, report.json, report.md, report.sarif or report.junit.xml")
    ResponseEntity<Resource> report(
            @PathVariable String id,
            @PathVariable String file,
            @RequestParam(defaultValue = "false") boolean download) {
        InputRules.runId("id", id);
        ReportFormat format = ReportFormat.byFileName(file)
                .orElseThrow(() ->
                        new IllegalArgumentException("unknown report " + InputRules.echo(file) + "; choose one of "
                                + Arrays.stream(ReportFormat.values())
                                        .map(ReportFormat::fileName)
                                        .toList()));
        ResponseEntity.BodyBuilder response =
                ResponseEntity.ok().contentType(MediaType.parseMediaType(format.mediaType()));
        Resource body = reports.file(id, format)
                .<Resource>map(written -> {
                    response.contentLength(written.size());
                    return new InputStreamResource(written.content());
                })
                .orElseGet(() ->
                        new ByteArrayResource(reports.render(find(id), format).getBytes(StandardCharsets.UTF_8)));
        if (download) {
            response.header(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename("quality-" + id + "-" + format.fileName())
                            .build()
                            .toString());
        }
        return response.body(body);
    }

    @GetMapping("/trends")
    @Operation(
            summary =
                    "The trend of one client and workspace: pass rate, coverage, findings by severity, duration and score per run, oldest first")
    List<TrendPoint> trends(
            @RequestParam String clientId,
            @RequestParam String workspace,
            @RequestParam(required = false) Integer limit) {
        int window = limit == null ? properties.trendWindow() : limit;
        if (window < 1 || window > RunQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + RunQuery.MAX_LIMIT + ", got " + window);
        }
        return store.history(InputRules.clientName("clientId", clientId), workspace, null, window).stream()
                .map(TrendPoint::of)
                .toList();
    }

    @GetMapping("/compare")
    @Operation(
            summary =
                    "What changed from the base run to the head run: new and fixed failures, new and fixed findings (each list at most "
                            + RunComparison.LISTED + ", totals counts them all), coverage and score deltas")
    RunComparison compare(@RequestParam String base, @RequestParam String head) {
        InputRules.runId("base", base);
        InputRules.runId("head", head);
        return comparisons.compare(summary(base), summary(head));
    }

    private RunSummary summary(String id) {
        return store.overview(id).map(RunOverview::summary).orElseThrow(() -> notStored(id));
    }

    private StoredRun find(String id) {
        return store.find(id).orElseThrow(() -> notStored(id));
    }

    private RuntimeException notStored(String id) {
        return failures.find(id)
                .<RuntimeException>map(f -> new RunNotStoredException(f.reason()))
                .orElseGet(() -> new RunNotFoundException(id));
    }
}
