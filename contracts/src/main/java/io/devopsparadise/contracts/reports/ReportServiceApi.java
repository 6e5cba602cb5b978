package io.devopsparadise.contracts.reports;

import io.devopsparadise.contracts.quality.BaselineFindings;
import io.devopsparadise.contracts.usage.QualityUsage;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import tools.jackson.databind.JsonNode;

/**
 * The report-service's REST API, as every other service calls it (docs/report-service.md). Clients are made by
 * {@code ServiceApis} (service-security). A stored run's whole result ({@code GET /api/runs/{id}/result}) is not here:
 * it can be large, and its reader streams it against a size bound.
 */
@HttpExchange(url = "/api", accept = "application/json")
public interface ReportServiceApi {

    /** Stored runs, newest first, of one client (null for all). */
    @GetExchange("/runs")
    List<RunSummary> runs(
            @RequestParam(name = "clientId", required = false) String clientId, @RequestParam("limit") int limit);

    /** A stored run without its whole result; 404 when unknown, 422 (with the reason) for a finished run it could not store. */
    @GetExchange("/runs/{id}")
    RunOverview run(@PathVariable("id") String runId);

    /** A page of a stored run's tests, of one status when given. */
    @GetExchange("/runs/{id}/tests")
    Page<TestItem> tests(
            @PathVariable("id") String runId,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam("offset") int offset,
            @RequestParam("limit") int limit);

    /** A page of a stored run's findings, most severe first; only those the run introduced when {@code introduced}. */
    @GetExchange("/runs/{id}/findings")
    Page<FindingItem> findings(
            @PathVariable("id") String runId,
            @RequestParam(name = "introduced", required = false) Boolean introduced,
            @RequestParam("offset") int offset,
            @RequestParam("limit") int limit);

    /** A report file of a stored run ({@code report.html}, {@code report.md}, ...) with its content type. */
    @GetExchange(url = "/runs/{id}/{file}", accept = "*/*")
    ResponseEntity<byte[]> report(@PathVariable("id") String runId, @PathVariable("file") String file);

    /** The runs of a client's workspace as points of its trends, oldest first. */
    @GetExchange("/trends")
    List<TrendPoint> trends(@RequestParam("clientId") String clientId, @RequestParam("workspace") String workspace);

    /** The client's history insights: flaky tests, recurring rules, debt and its trend, performance regressions. */
    @GetExchange("/insights")
    JsonNode insights(@RequestParam("clientId") String clientId);

    /**
     * The baseline a run is judged against: the latest stored run of the client, workspace and profile on a branch, at
     * a commit, or the previous one (exactly one of them); 404 when there is none.
     */
    @GetExchange("/baseline")
    BaselineFindings baseline(
            @RequestParam("clientId") String clientId,
            @RequestParam("workspace") String workspace,
            @RequestParam("profile") String profile,
            @RequestParam(name = "branch", required = false) String branch,
            @RequestParam(name = "commit", required = false) String commit,
            @RequestParam(name = "previous", required = false) Boolean previous);

    /** Every client's stored quality runs and the test time selection saved, most runs first. */
    @GetExchange("/usage")
    List<QualityUsage> usage();
}
