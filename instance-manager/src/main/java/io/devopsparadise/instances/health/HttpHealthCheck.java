package io.devopsparadise.instances.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

class HttpHealthCheck implements HealthCheck {

    private final HttpClient http;
    private final String portName;
    private final String path;

    HttpHealthCheck(HttpClient http, String portName, String path) {
        this.http = http;
        this.portName = portName;
        this.path = path.startsWith("/") ? path : "/" + path;
    }

    @Override
    public HealthResult check(Map<String, Integer> ports, Duration timeout) {
        long started = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(portName) + path))
                    .timeout(timeout).GET().build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            return status / 100 == 2
                    ? HealthResult.healthy("HTTP " + status, latency)
                    : HealthResult.unhealthy("HTTP " + status + " from " + describe(), latency);
        } catch (IOException e) {
            return HealthResult.unhealthy(describe() + ": " + e, Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthResult.unhealthy("interrupted", Duration.ofNanos(System.nanoTime() - started));
        }
    }

    @Override
    public String describe() {
        return "GET :" + portName + path;
    }
}
