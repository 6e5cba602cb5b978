package io.devopsparadise.instances.support;

import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.ServiceCredential;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Reads an SSE stream line by line in the background and keeps every line, for assertions. */
public final class SseRecorder implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CompletableFuture<?> reading;

    private SseRecorder(HttpRequest request) {
        this.reading = Http.client()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    try (Stream<String> body = response.body()) {
                        body.forEach(lines::add);
                    }
                });
    }

    public static SseRecorder get(String url) {
        return new SseRecorder(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream")
                .header("Authorization", ServiceCredential.authorization())
                .GET()
                .build());
    }

    public static SseRecorder post(String url, String json) {
        return new SseRecorder(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream")
                .header("Authorization", ServiceCredential.authorization())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public String text() {
        return String.join("\n", lines);
    }

    public boolean finished() {
        return reading.isDone();
    }

    @Override
    public void close() {
        reading.cancel(true);
    }
}
