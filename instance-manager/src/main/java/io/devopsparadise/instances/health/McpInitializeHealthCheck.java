package io.devopsparadise.instances.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a real MCP {@code initialize} (Streamable HTTP) and ends the session it opened with a DELETE,
 * so periodic checks do not pile up sessions in the backend.
 */
class McpInitializeHealthCheck implements HealthCheck {

    static final String PROTOCOL_VERSION = "2025-06-18";
    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":"paradise-health","method":"initialize","params":{"protocolVersion":"%s",\
            "capabilities":{},"clientInfo":{"name":"devops-paradise-health","version":"1"}}}""".formatted(PROTOCOL_VERSION);

    private final HttpClient http;
    private final String portName;
    private final String path;

    McpInitializeHealthCheck(HttpClient http, String portName, String path) {
        this.http = http;
        this.portName = portName;
        this.path = path;
    }

    @Override
    public HealthResult check(Map<String, Integer> ports, Duration timeout) {
        long started = System.nanoTime();
        URI uri = URI.create("http://127.0.0.1:" + ports.get(portName) + path);
        try {
            HttpResponse<String> response = http.send(initialize(uri, timeout), HttpResponse.BodyHandlers.ofString());
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            response.headers().firstValue("Mcp-Session-Id").ifPresent(session -> endSession(uri, session));
            return judge(response, latency);
        } catch (IOException e) {
            return HealthResult.unhealthy(describe() + ": " + e, Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthResult.unhealthy("interrupted", Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private HealthResult judge(HttpResponse<String> response, Duration latency) {
        if (response.statusCode() != 200) {
            return HealthResult.unhealthy("initialize answered HTTP " + response.statusCode(), latency);
        }
        return JsonRpcResponses.resultOf(response.body())
                .map(serverName -> HealthResult.healthy("initialize ok (" + serverName + ")", latency))
                .orElseGet(() -> HealthResult.unhealthy(
                        "initialize returned no result: " + abbreviate(response.body()), latency));
    }

    private HttpRequest initialize(URI uri, Duration timeout) {
        return HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE))
                .build();
    }

    private void endSession(URI uri, String session) {
        HttpRequest delete = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(2))
                .header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", PROTOCOL_VERSION)
                .DELETE()
                .build();
        http.sendAsync(delete, HttpResponse.BodyHandlers.discarding());
    }

    private static String abbreviate(String body) {
        return Optional.ofNullable(body)
                .map(b -> b.length() > 200 ? b.substring(0, 200) + "…" : b)
                .orElse("");
    }

    @Override
    public String describe() {
        return "MCP initialize :" + portName + path;
    }
}
