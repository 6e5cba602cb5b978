package io.devopsparadise.events;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Follows a service's SSE stream for good: reconnects with backoff (1 s up to 15 s) when it fails or ends, resumes
 * after the last event id it saw, and calls {@code onConnect} at every connection (to catch up on what it missed).
 * The first connection asks for live events only. {@code onEvent} gets each event's name (null when unnamed) and
 * data; handlers run off the network threads (they may block).
 */
public final class SseFollower {

    private static final Logger log = LoggerFactory.getLogger(SseFollower.class);
    private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS =
            new ParameterizedTypeReference<>() {};

    private final String service;
    private final WebClient client;
    private final String path;
    private final Runnable onConnect;
    private final BiConsumer<String, String> onEvent;
    private final AtomicLong lastId = new AtomicLong(Long.MAX_VALUE);
    private Disposable subscription;

    public SseFollower(
            String service, WebClient client, String path, Runnable onConnect, BiConsumer<String, String> onEvent) {
        this.service = service;
        this.client = client;
        this.path = path;
        this.onConnect = onConnect;
        this.onEvent = onEvent;
    }

    public synchronized void start() {
        subscription = Flux.defer(() -> client.get()
                        .uri(path)
                        .accept(MediaType.TEXT_EVENT_STREAM)
                        .header("Last-Event-ID", Long.toString(lastId.get()))
                        .retrieve()
                        .bodyToFlux(EVENTS)
                        .doOnSubscribe(s -> Schedulers.boundedElastic().schedule(this::connected)))
                .repeatWhen(ended -> ended.delayElements(Duration.ofSeconds(1)))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                        .maxBackoff(Duration.ofSeconds(15))
                        .doBeforeRetry(signal -> log.debug(
                                "{} event stream lost, reconnecting: {}",
                                service,
                                signal.failure().toString())))
                .publishOn(Schedulers.boundedElastic())
                .subscribe(this::handle, error -> log.warn("{} event stream stopped: {}", service, error.toString()));
    }

    private void connected() {
        try {
            onConnect.run();
        } catch (RuntimeException e) {
            log.warn("catching up with {} failed: {}", service, e.toString());
        }
    }

    private void handle(ServerSentEvent<String> event) {
        if (event.id() != null) {
            try {
                lastId.set(Long.parseLong(event.id()));
            } catch (NumberFormatException ignored) {
                // ids are the services' sequence numbers; another id simply does not resume
            }
        }
        if (event.data() == null) {
            return;
        }
        try {
            onEvent.accept(event.event(), event.data());
        } catch (RuntimeException e) {
            log.warn("handling a {} event failed: {}", service, e.toString());
        }
    }

    public synchronized void stop() {
        if (subscription != null) {
            subscription.dispose();
        }
    }
}
