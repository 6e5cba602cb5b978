package io.devopsparadise.reports.feed;

import io.devopsparadise.contracts.quality.QualityEvent;
import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.events.SseFollower;
import io.devopsparadise.reports.ReportProperties;
import io.devopsparadise.reports.live.LiveStream;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;

/**
 * Follows the quality-orchestrator: its progress events are relayed to the live stream; a finished run is fetched
 * and stored. At every (re)connection, and every minute, finished runs not stored yet are fetched too, so a run
 * that finished while this service was down or disconnected is not lost.
 */
@Component
class OrchestratorFeed {

    private static final Logger log = LoggerFactory.getLogger(OrchestratorFeed.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final WebClient orchestrator;
    private final RunIngestion ingestion;
    private final LiveStream live;
    private final JsonMapper json;
    private final SseFollower follower;

    OrchestratorFeed(WebClient.Builder builder, ReportProperties properties, RunIngestion ingestion, LiveStream live, JsonMapper json) {
        this.orchestrator = builder.clone().baseUrl(properties.orchestratorUrl().toString()).build();
        this.ingestion = ingestion;
        this.live = live;
        this.json = json;
        this.follower = new SseFollower("quality-orchestrator", orchestrator, "/api/runs/events", this::synchronize, (name, data) -> onEvent(data));
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
                fetch(event.runId());
            }
        } catch (JacksonException e) {
            log.warn("ignoring an orchestrator event that is not a quality event: {}", e.getOriginalMessage());
        }
    }

    private void fetch(String runId) {
        QualityRunResult run = orchestrator.get().uri("/api/runs/{id}", runId).retrieve().bodyToMono(QualityRunResult.class).block(TIMEOUT);
        if (run != null && run.state().isFinished()) {
            ingestion.ingest(run);
        }
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
    void synchronize() {
        try {
            List<QualityRunResult> runs = orchestrator.get().uri("/api/runs").retrieve()
                    .bodyToMono(new ParameterizedTypeReference<List<QualityRunResult>>() { }).block(TIMEOUT);
            if (runs != null) {
                runs.stream().filter(run -> run.state().isFinished()).forEach(ingestion::ingest);
            }
        } catch (RuntimeException e) {
            log.debug("orchestrator not reachable for synchronization: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        follower.stop();
    }
}
