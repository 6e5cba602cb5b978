package io.devopsparadise.instances.health;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET path}: healthy on 2xx. A backend that warms up (the {@code code} backend indexes the workspace) answers
 * 503 with {@code {"state":"indexing","detail":"…"}} while it gets ready: with {@code warmup}, that is warming, in
 * the backend's own words.
 */
class HttpHealthCheck implements HealthCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> WARMING_STATES = Set.of("starting", "indexing");
    private static final int MAX_BODY = 64 * 1024;

    private final HttpClient http;
    private final String portName;
    private final String path;
    private final boolean warmup;

    HttpHealthCheck(HttpClient http, String portName, String path, boolean warmup) {
        this.http = http;
        this.portName = portName;
        this.path = path.startsWith("/") ? path : "/" + path;
        this.warmup = warmup;
    }

    @Override
    public HealthResult check(Map<String, Integer> ports, Duration timeout) {
        long started = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(portName) + path))
                    .timeout(timeout)
                    .GET()
                    .build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            JsonNode status = warmup ? readStatus(response.body()) : discard(response.body());
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            String state = status.path("state").asString("");
            String detail = status.path("detail").asString("");
            if (response.statusCode() / 100 == 2) {
                return HealthResult.healthy(detail.isEmpty() ? "HTTP " + response.statusCode() : detail, latency);
            }
            if (response.statusCode() == 503 && WARMING_STATES.contains(state)) {
                return HealthResult.warming(state + ": " + detail, latency);
            }
            return HealthResult.unhealthy(
                    "HTTP " + response.statusCode() + " from " + describe()
                            + (state.isEmpty() ? "" : " (" + state + ": " + detail + ")"),
                    latency);
        } catch (IOException e) {
            return HealthResult.unhealthy(describe() + ": " + e, Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthResult.unhealthy("interrupted", Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static JsonNode readStatus(InputStream body) throws IOException {
        try (body) {
            return JSON.readTree(body.readNBytes(MAX_BODY));
        } catch (JacksonException e) {
            return JSON.createObjectNode();
        }
    }

    private static JsonNode discard(InputStream body) throws IOException {
        try (body) {
            body.skip(MAX_BODY);
        }
        return JSON.createObjectNode();
    }

    @Override
    public String describe() {
        return "GET :" + portName + path + (warmup ? " (warm-up)" : "");
    }
}
