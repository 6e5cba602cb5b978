package io.devopsparadise.contracts.quality;

import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import tools.jackson.databind.JsonNode;

/**
 * The quality-orchestrator's REST API, as every other service calls it (docs/quality-orchestrator.md). Clients are
 * made by {@code ServiceApis} (service-security). A run's whole result ({@code GET /api/runs/{id}}) is not here: it
 * can be large, and its one reader (the report-service) streams it against a size bound.
 */
@HttpExchange(url = "/api", accept = "application/json")
public interface QualityOrchestratorApi {

    /** Starts a run and answers at once (202) with its first state. */
    @PostExchange(url = "/runs", contentType = "application/json")
    QualityRunResult start(@RequestBody RunRequest request);

    /** Digests of runs, newest first: of one client (null for all), or only those the report-service has not stored. */
    @GetExchange("/runs")
    List<RunDigest> runs(
            @RequestParam(name = "clientId", required = false) String clientId,
            @RequestParam("pending") boolean pending,
            @RequestParam("limit") int limit);

    /** A run's digest: small whatever the run's size (404 for a run the orchestrator does not know). */
    @GetExchange("/runs/{id}/summary")
    RunDigest digest(@PathVariable("id") String runId);

    /** The report-service stored the run: its whole result is dropped, its digest stays. */
    @PostExchange("/runs/{id}/acknowledgement")
    RunDigest acknowledge(@PathVariable("id") String runId);

    @DeleteExchange("/runs/{id}")
    RunDigest cancel(@PathVariable("id") String runId);

    /** The client's hotspots, recommendations, coverage gaps and working tree's risk (may take minutes on a large repository). */
    @GetExchange("/insights/overview")
    JsonNode insightsOverview(@RequestParam("clientId") String clientId, @RequestParam("limit") int limit);

    /** The risk of the client's working tree (all null), a commit, or a range from..to. */
    @GetExchange("/insights/change-risk")
    JsonNode changeRisk(
            @RequestParam("clientId") String clientId,
            @RequestParam(name = "commit", required = false) String commit,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to);
}
