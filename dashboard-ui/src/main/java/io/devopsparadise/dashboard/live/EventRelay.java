package io.devopsparadise.dashboard.live;

import io.devopsparadise.contracts.quality.QualityEvent;
import io.devopsparadise.dashboard.DashboardProperties;
import io.devopsparadise.events.SseFollower;
import io.devopsparadise.security.ServiceCredential;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows the report-service's live stream (run progress, instance health, stored runs) and passes every event on
 * to the browsers that have the dashboard open; progress events also update the {@link RunProgressBoard}.
 */
@Component
public class EventRelay {

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);

    private final List<SseEmitter> browsers = new CopyOnWriteArrayList<>();
    private final RunProgressBoard board;
    private final JsonMapper json;
    private final SseFollower follower;
    private final long heartbeatMillis;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "live-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    EventRelay(
            WebClient.Builder builder,
            DashboardProperties properties,
            RunProgressBoard board,
            JsonMapper json,
            ServiceCredential credential,
            MeterRegistry meters) {
        this.board = board;
        this.json = json;
        this.heartbeatMillis = properties.liveHeartbeat().toMillis();
        Gauge.builder("paradise.dashboard.live.browsers", browsers, List::size)
                .description("browsers following the dashboard's live stream")
                .register(meters);
        WebClient reports = builder.clone()
                .baseUrl(properties.reportServiceUrl().toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, credential.authorization())
                .build();
        this.follower = new SseFollower("report-service", reports, "/api/stream", () -> {}, this::relay);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        follower.start();
        heartbeat.scheduleWithFixedDelay(this::beat, heartbeatMillis, heartbeatMillis, TimeUnit.MILLISECONDS);
    }

    /** A comment line to every browser: a write to one that left fails, and its stream is closed. */
    private void beat() {
        try {
            browsers.forEach(browser -> send(browser, SseEmitter.event().comment("")));
        } catch (RuntimeException unexpected) {
            // a heartbeat that throws would end every later one
            log.warn("live heartbeat failed reason=\"{}\"", unexpected.toString());
        }
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
        follower.stop();
        browsers.forEach(browser -> {
            try {
                browser.complete();
            } catch (RuntimeException alreadyGone) {
                // the browser left first
            }
        });
    }

    /** A browser's subscription; it ends when the browser goes away. */
    public SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(0L);
        browsers.add(emitter);
        emitter.onCompletion(() -> browsers.remove(emitter));
        emitter.onTimeout(() -> browsers.remove(emitter));
        emitter.onError(error -> browsers.remove(emitter));
        send(emitter, event("hello", "{}"));
        return emitter;
    }

    private void relay(String name, String data) {
        if ("quality".equals(name)) {
            try {
                board.record(json.readValue(data, QualityEvent.class));
            } catch (JacksonException e) {
                log.debug("a quality event that is not one: {}", e.getOriginalMessage());
            }
        }
        browsers.forEach(browser -> send(browser, event(name == null ? "message" : name, data)));
    }

    private static SseEmitter.SseEventBuilder event(String name, String data) {
        return SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON);
    }

    private void send(SseEmitter browser, SseEmitter.SseEventBuilder event) {
        try {
            browser.send(event);
        } catch (IOException | IllegalStateException gone) {
            browsers.remove(browser);
        }
    }
}
