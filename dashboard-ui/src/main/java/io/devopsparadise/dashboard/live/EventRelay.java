package io.devopsparadise.dashboard.live;

import io.devopsparadise.contracts.quality.QualityEvent;
import io.devopsparadise.dashboard.DashboardProperties;
import io.devopsparadise.events.SseFollower;
import io.devopsparadise.security.ServiceCredential;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * to the browsers that have the dashboard open; progress events also update the {@link RunProgressBoard}. Each
 * browser's stream has its own backlog and writer ({@link BrowserStream}), and their number is bounded, overall and
 * per signed-in browser.
 */
@Component
public class EventRelay {

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);

    private final List<BrowserStream> browsers = new CopyOnWriteArrayList<>();
    /** One permit per stream, held until its writer thread has ended, not only until the stream has. */
    private final Semaphore writers;

    private final int maxStreams;
    private final int maxPerSession;
    /** A browser whose write is blocked this long has stopped reading: two heartbeats, as for one that left. */
    private final Duration stuckAfter;

    private final AtomicLong streamNumber = new AtomicLong();
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
        this.maxStreams = properties.liveMaxStreams();
        this.maxPerSession = properties.liveMaxStreamsPerSession();
        this.writers = new Semaphore(maxStreams);
        this.stuckAfter = properties.liveHeartbeat().multipliedBy(2);
        Gauge.builder("paradise.dashboard.live.browsers", browsers, List::size)
                .description("browsers following the dashboard's live stream")
                .register(meters);
        Gauge.builder("paradise.dashboard.live.writers", writers, w -> maxStreams - w.availablePermits())
                .description("threads writing live streams, those of streams that ended while a write was blocked too")
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
            browsers.forEach(browser -> browser.offer(SseEmitter.event().comment("")));
        } catch (RuntimeException unexpected) {
            // a heartbeat that throws would end every later one
            log.warn("live heartbeat failed reason=\"{}\"", unexpected.toString());
        }
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
        follower.stop();
        browsers.forEach(BrowserStream::end);
    }

    /**
     * A browser's subscription; it ends when the browser goes away.
     *
     * @param session the signed-in browser's session, which holds at most {@code live-max-streams-per-session}
     *                streams: beyond them its oldest ends
     * @throws LiveStreamRefusedException when all browsers together hold as many streams as allowed
     */
    public synchronized SseEmitter subscribe(String session) {
        List<BrowserStream> held = streamsOf(session);
        if (held.size() >= maxPerSession) {
            // the browser's newest page wins: its oldest streams are those of pages it left without a word
            held.subList(0, held.size() - maxPerSession + 1).forEach(BrowserStream::end);
        }
        if (!writers.tryAcquire()) {
            throw new LiveStreamRefusedException("the dashboard already serves " + maxStreams
                    + " live streams (paradise.dashboard.live-max-streams); the page tries again later");
        }
        SseEmitter emitter = new SseEmitter(0L);
        BrowserStream stream = new BrowserStream(emitter, session, stuckAfter, browsers::remove);
        browsers.add(stream);
        stream.offer(event("hello", "{}"));
        try {
            Thread writer = new Thread(
                    () -> {
                        try {
                            stream.writeUntilEnded();
                        } finally {
                            writers.release();
                        }
                    },
                    "live-browser-" + streamNumber.incrementAndGet());
            writer.setDaemon(true);
            writer.start();
        } catch (OutOfMemoryError noThreadLeft) {
            stream.end();
            writers.release();
            throw new LiveStreamRefusedException(
                    "the dashboard could not start a live stream now; the page tries again later");
        }
        return emitter;
    }

    /** A browser that signed out, or whose session expired, follows the dashboard no more. */
    public void endSession(String session) {
        streamsOf(session).forEach(BrowserStream::end);
    }

    /** The session's streams, oldest first. */
    private List<BrowserStream> streamsOf(String session) {
        return browsers.stream().filter(b -> b.session().equals(session)).toList();
    }

    private void relay(String name, String data) {
        if ("quality".equals(name)) {
            try {
                board.record(json.readValue(data, QualityEvent.class));
            } catch (JacksonException e) {
                log.debug("a quality event that is not one: {}", e.getOriginalMessage());
            }
        }
        browsers.forEach(browser -> browser.offer(event(name == null ? "message" : name, data)));
    }

    private static SseEmitter.SseEventBuilder event(String name, String data) {
        return SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON);
    }
}
