package io.devopsparadise.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.devopsparadise.contracts.quality.QualityEvent;
import io.devopsparadise.contracts.quality.RunDigest;
import io.devopsparadise.contracts.quality.RunState;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report-service and quality-orchestrator as the dashboard's run page reads them, played by the test: the live
 * stream ({@code /api/stream}) carries exactly the progress events the test publishes, when it publishes them; the
 * orchestrator knows the runs the test starts (a RUNNING digest at {@code /api/runs/{id}/summary}); no run is stored.
 */
final class ScriptedPlatform implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<OutputStream> streams = new CopyOnWriteArrayList<>();
    private final Map<String, RunDigest> runs = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final CountDownLatch followed = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    private ScriptedPlatform(HttpServer server) {
        this.server = server;
        server.setExecutor(threads);
        server.createContext("/api/stream", this::stream);
        server.createContext("/", this::answer);
        server.start();
    }

    static ScriptedPlatform start() throws IOException {
        return new ScriptedPlatform(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The orchestrator now runs this run (its digest says RUNNING). */
    void running(String runId) {
        runs.put(
                runId,
                new RunDigest(
                        runId,
                        "alice",
                        "/workspace",
                        "targeted",
                        RunState.RUNNING,
                        Instant.now(),
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(),
                        List.of(),
                        false,
                        null,
                        0,
                        0,
                        List.of()));
    }

    /** Waits until the dashboard follows the live stream, so that no event published after this is missed. */
    void awaitFollower() throws InterruptedException {
        if (!followed.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the dashboard never connected to the live stream at " + url() + "/api/stream");
        }
    }

    /** Sends a progress event down the live stream, as the report-service relays the orchestrator's. */
    void publish(QualityEvent.Type type, String runId, String tool, String status, String detail) throws IOException {
        QualityEvent event = new QualityEvent(
                sequence.incrementAndGet(),
                type,
                runId,
                "alice",
                tool,
                status,
                0,
                type == QualityEvent.Type.TEST_FAILED ? 1 : 0,
                0,
                Instant.now(),
                detail);
        byte[] frame = ("id: " + event.sequence() + "\nevent: quality\ndata: " + JSON.writeValueAsString(event)
                        + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
        for (OutputStream stream : streams) {
            stream.write(frame);
            stream.flush();
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        streams.add(exchange.getResponseBody());
        followed.countDown();
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streams.remove(exchange.getResponseBody());
            exchange.close();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            RunDigest run = path.startsWith("/api/runs/") && path.endsWith("/summary")
                    ? runs.get(path.substring("/api/runs/".length(), path.length() - "/summary".length()))
                    : null;
            if (run == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = JSON.writeValueAsBytes(run);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
