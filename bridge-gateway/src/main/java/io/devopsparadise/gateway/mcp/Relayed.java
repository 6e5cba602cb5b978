package io.devopsparadise.gateway.mcp;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;

/**
 * A backend's answer on its way to the client: status, the headers worth relaying, and the body, either
 * still streaming or already read (when the gateway had to look at it).
 */
record Relayed(int status, String contentType, Flux<DataBuffer> body, byte[] bytes) {

    public static Relayed streaming(int status, HttpHeaders headers, Flux<DataBuffer> body) {
        return new Relayed(status, headers.getFirst(HttpHeaders.CONTENT_TYPE), body, null);
    }

    public static Relayed read(int status, String contentType, byte[] bytes) {
        return new Relayed(status, contentType, null, bytes);
    }

    public boolean isEventStream() {
        return contentType != null && contentType.startsWith("text/event-stream");
    }

    /** The same answer, running {@code action} once its body has been relayed, failed or been abandoned. */
    public Relayed whenBodyEnds(Runnable action) {
        if (isBuffered()) {
            action.run();
            return this;
        }
        return new Relayed(status, contentType, body.doFinally(signal -> action.run()), null);
    }

    /** Drops the answer, releasing what the backend already sent. */
    public reactor.core.publisher.Mono<Void> discard() {
        return isBuffered() ? reactor.core.publisher.Mono.empty() : BackendSessions.drain(body);
    }

    public boolean isBuffered() {
        return bytes != null;
    }
}
