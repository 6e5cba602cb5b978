package io.devopsparadise.reports.feed;

import io.devopsparadise.contracts.clients.ClientNames;
import io.devopsparadise.contracts.quality.QualityEvent;
import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.RunDigest;
import io.devopsparadise.events.SseFollower;
import io.devopsparadise.reports.ReportProperties;
import io.devopsparadise.reports.input.InputRules;
import io.devopsparadise.reports.input.InvalidInputException;
import io.devopsparadise.reports.live.LiveStream;
import io.devopsparadise.reports.runs.RunStore;
import io.devopsparadise.reports.runs.StorageFailures;
import io.devopsparadise.security.ServiceCredential;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows the quality-orchestrator: its progress events are relayed to the live stream; a finished run is fetched,
 * stored and acknowledged, after which the orchestrator forgets it. At every (re)connection, and every 15 seconds,
 * the runs the orchestrator still holds are caught up, so none is lost while this service was down. A run that
 * cannot be stored is recorded with its reason and tried again later with a growing wait; it never holds up the others.
 */
@Component
class OrchestratorFeed {

    private static final Logger log = LoggerFactory.getLogger(OrchestratorFeed.class);

    private final OrchestratorClient orchestrator;
    private final RunIngestion ingestion;
    private final RunStore store;
    private final StorageFailures failures;
    private final LiveStream live;
    private final JsonMapper json;
    private final ReportProperties properties;
    private final Clock clock;
    private final SseFollower follower;

    OrchestratorFeed(
            WebClient.Builder builder,
            OrchestratorClient orchestrator,
            RunIngestion ingestion,
            RunStore store,
            StorageFailures failures,
            LiveStream live,
            JsonMapper json,
            ReportProperties properties,
            Clock clock,
            ServiceCredential credential) {
        this.orchestrator = orchestrator;
        this.ingestion = ingestion;
        this.store = store;
        this.failures = failures;
        this.live = live;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        WebClient events = builder.clone()
                .baseUrl(properties.orchestratorUrl().toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, credential.authorization())
                .build();
        this.follower = new SseFollower(
                "quality-orchestrator", events, "/api/runs/events", this::synchronize, (name, data) -> onEvent(data));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        follower.start();
    }

    private void onEvent(String data) {
        live.publish("quality", data);
        try {
            QualityEvent event = json.readValue(data, QualityEvent.class);
            if (event.type() == QualityEvent.Type.RUN_FINISHED) {
                catchUp(event.runId(), event.clientId());
            }
        } catch (JacksonException e) {
            log.warn("ignoring an orchestrator event that is not a quality event: {}", e.getOriginalMessage());
        }
    }

    @Scheduled(initialDelay = 15_000, fixedDelay = 15_000)
    void synchronize() {
        List<RunDigest> pending;
        try {
            pending = orchestrator.pending();
        } catch (RuntimeException e) {
            log.debug("orchestrator not reachable for synchronization: {}", e.toString());
            return;
        }
        pending.stream().filter(run -> run.state().isFinished()).forEach(run -> catchUp(run.id(), run.clientId()));
    }

    /** Stores one finished run unless it is stored already or waiting after a failure, then acknowledges it. */
    synchronized void catchUp(String runId, String clientId) {
        if (!InputRules.isRunId(runId)) {
            log.warn("ignoring a finished run whose id is not {}: {}", InputRules.RUN_ID_RULE, InputRules.echo(runId));
            return;
        }
        try {
            if (!failures.due(runId, clock.instant())) {
                return;
            }
            if (!store.contains(runId)) {
                QualityRunResult run = orchestrator.result(runId);
                if (!runId.equals(run.id())) {
                    throw new InvalidInputException(
                            "the orchestrator answered run " + InputRules.echo(run.id()) + " for run " + runId);
                }
                ingestion.ingest(run);
            } else {
                ingestion.writeMissingReports(runId);
            }
            failures.clear(runId);
            orchestrator.acknowledge(runId);
        } catch (ResourceAccessException unreachable) {
            log.debug("orchestrator not reachable while storing run {}: {}", runId, unreachable.toString());
        } catch (RuntimeException e) {
            failed(runId, clientId, e);
        }
    }

    private void failed(String runId, String clientId, RuntimeException e) {
        String reason = e instanceof RunTooLargeException
                ? e.getMessage()
                : "run " + runId + " could not be stored: " + e.getMessage();
        var failure = failures.record(
                runId,
                ClientNames.isValid(clientId) ? clientId : null,
                reason,
                clock.instant(),
                properties.retryBackoff());
        log.warn(
                "run not stored run={} client={} attempts={} next={} reason={}",
                runId,
                clientId,
                failure.attempts(),
                failure.nextAttemptAt(),
                reason);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("runId", runId);
        event.put("clientId", clientId);
        event.put("reason", reason);
        event.put("attempts", failure.attempts());
        event.put("nextAttemptAt", failure.nextAttemptAt().toString());
        live.publish("run-storage-failed", json.writeValueAsString(event));
    }

    @PreDestroy
    void stop() {
        follower.stop();
    }
}
