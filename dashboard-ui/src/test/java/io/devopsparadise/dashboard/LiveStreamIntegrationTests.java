package io.devopsparadise.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InProcessApps;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's live stream ({@code /events}) in the real dashboard, followed over raw sockets so that the test
 * decides when a "browser" reads and when it leaves. The report-service is a small HTTP server that serves the live
 * stream the dashboard follows ({@code /api/stream}) and sends events only when a test pushes them: until then no event
 * comes, which is when a browser that left used to stay counted. The other services are unreachable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LiveStreamIntegrationTests {

    private ConfigurableApplicationContext dashboard;
    private HttpServer reports;
    private final List<OutputStream> upstreams = new CopyOnWriteArrayList<>();
    private int port;
    private String session;

    @BeforeAll
    void start() throws Exception {
        reports = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        reports.setExecutor(Executors.newCachedThreadPool()); // each follower holds its thread
        reports.createContext("/api/stream", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            upstreams.add(exchange.getResponseBody());
        });
        reports.start();
        dashboard = InProcessApps.builder(DashboardApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--paradise.security.home=" + Files.createTempDirectory("live-home"),
                        "--paradise.dashboard.report-service-url=http://127.0.0.1:"
                                + reports.getAddress().getPort(),
                        "--paradise.dashboard.orchestrator-url=http://127.0.0.1:9",
                        "--paradise.dashboard.instance-manager-url=http://127.0.0.1:9",
                        "--paradise.dashboard.gateway-url=http://127.0.0.1:9",
                        "--paradise.dashboard.live-heartbeat=200ms",
                        "--paradise.dashboard.live-max-streams=4",
                        "--paradise.dashboard.live-max-streams-per-session=2");
        port = Integer.parseInt(dashboard.getEnvironment().getProperty("local.server.port"));
        session = signedInSession();
    }

    @AfterAll
    void stop() {
        if (dashboard != null) {
            dashboard.close();
        }
        if (reports != null) {
            reports.stop(0);
        }
    }

    /** Streams a test left are noticed within two heartbeats: each test starts with none. */
    @BeforeEach
    void noStreamLeft() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> followers() == 0 && gauge("paradise.dashboard.live.writers") == 0);
    }

    @Test
    void aBrowserThatLeftIsForgottenThoughNoEventComes() throws Exception {
        try (Follower browser = follow()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> followers() == 1);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> followers() == 0);
    }

    @Test
    void aBrowserThatStaysGetsAHeartbeatWhileNoEventComes() throws Exception {
        try (Follower browser = follow()) {
            String line;
            do {
                line = browser.lines().readLine();
            } while (line != null && !line.startsWith(":"));

            assertThat(line).as("a comment line on the stream").isNotNull();
        }
    }

    @Test
    void aBrowserThatStopsReadingHoldsUpNoOtherBrowser() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> !upstreams.isEmpty());
        try (Follower stalled = follow(session, 1024);
                Follower reader = follow(session, 0)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> followers() == 2);
            var reading = Executors.newSingleThreadExecutor();
            var sawTheLast = reading.submit(() -> {
                String line;
                while ((line = reader.lines().readLine()) != null) {
                    if (line.contains("\"last\":true")) {
                        return true;
                    }
                }
                return false;
            });

            // far more than the sockets' buffers hold for the browser that does not read: its write blocks
            String pad = "x".repeat(40_000);
            for (int i = 0; i < 3_000 && followers() > 1; i++) {
                push("instance", "{\"n\":" + i + ",\"pad\":\"" + pad + "\"}");
                Thread.sleep(10);
            }
            push("instance", "{\"last\":true}");

            assertThat(sawTheLast.get(30, TimeUnit.SECONDS))
                    .as("the reading browser got the last event")
                    .isTrue();
            reading.shutdownNow();
            assertThat(followers())
                    .as("the browser whose write stayed blocked for two heartbeats was closed at its next overflow")
                    .isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> followers() == 0);
        await().atMost(Duration.ofSeconds(30))
                .alias("its writer, blocked while the browser did not read, ended when it left")
                .until(() -> gauge("paradise.dashboard.live.writers") == 0);
    }

    @Test
    void aBrowsersNewestStreamEndsItsOldestBeyondItsShareAndAllBrowsersTogetherHoldTheLimit() throws Exception {
        String other = signedInSession();
        String third = signedInSession();
        try (Follower first = follow(session, 0);
                Follower second = follow(session, 0);
                Follower newest = follow(session, 0)) {
            assertThat(endsWithin(first, Duration.ofSeconds(10)))
                    .as("a page the browser left without a word gives way to its newest")
                    .isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> gauge("paradise.dashboard.live.writers") == 2);
            try (Follower three = follow(other, 0);
                    Follower four = follow(other, 0)) {
                assertThat(refusal(third)).startsWith("HTTP/1.1 503");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> gauge("paradise.dashboard.live.writers") == 2);
            try (Follower again = follow(third, 0)) {
                assertThat(followers())
                        .as("streams that ended free their places")
                        .isEqualTo(3);
            }
        }
    }

    @Test
    void aBrowserThatSignsOutFollowsTheDashboardNoMore() throws Exception {
        String leaving = signedInSession();
        try (Follower browser = follow(leaving, 0)) {
            HttpResponse<Void> signedOut = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sign-out"))
                                    .header("Cookie", "JSESSIONID=" + leaving)
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            assertThat(signedOut.statusCode()).isEqualTo(302);

            assertThat(endsWithin(browser, Duration.ofSeconds(10))).isTrue();
        }
    }

    /** Whether the stream ends (the dashboard closes it) within the time, reading what comes until then. */
    private static boolean endsWithin(Follower follower, Duration time) throws Exception {
        long deadline = System.nanoTime() + time.toNanos();
        while (System.nanoTime() < deadline) {
            String line = follower.lines().readLine();
            if (line == null || line.equals("0")) { // the end of the stream, or its last chunk
                return true;
            }
        }
        return false;
    }

    /** The status line the dashboard answers a stream it refuses. */
    private String refusal(String session) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            request(socket, session);
            socket.setSoTimeout(10_000);
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    private void push(String name, String data) throws Exception {
        byte[] event = ("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
        for (OutputStream upstream : upstreams) {
            upstream.write(event);
            upstream.flush();
        }
    }

    private record Follower(Socket socket, BufferedReader lines) implements AutoCloseable {

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    private Follower follow() throws Exception {
        return follow(session, 0);
    }

    /**
     * Opens {@code /events} as a signed-in browser and reads up to the stream's first event.
     *
     * @param receiveBuffer the socket's receive buffer, for a browser that will stop reading; 0 for the system's
     */
    private Follower follow(String session, int receiveBuffer) throws Exception {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        request(socket, session);
        socket.setSoTimeout(10_000);
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        assertThat(lines.readLine()).startsWith("HTTP/1.1 200");
        String line;
        do {
            line = lines.readLine();
        } while (line != null && !line.equals("event:hello"));
        assertThat(line).as("the stream's first event").isEqualTo("event:hello");
        return new Follower(socket, lines);
    }

    private void request(Socket socket, String session) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(("GET /events HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: text/event-stream\r\nCookie: "
                        + "JSESSIONID=" + session + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private double followers() {
        return gauge("paradise.dashboard.live.browsers");
    }

    private double gauge(String name) {
        return dashboard.getBean(MeterRegistry.class).get(name).gauge().value();
    }

    /** As paradise-cli's sign-in link does: a one-time link asked for with the service credential, opened once. */
    private String signedInSession() throws Exception {
        URI base = URI.create("http://127.0.0.1:" + port);
        HttpResponse<String> link = Http.send("POST", base.resolve("/api/sign-in-links"), null);
        assertThat(link.statusCode()).as(link.body()).isEqualTo(200);
        String url =
                JsonMapper.builder().build().readTree(link.body()).path("url").asString();
        HttpResponse<Void> opened = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
        return opened.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .map(cookie -> cookie.substring("JSESSIONID=".length(), cookie.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + opened.headers()));
    }
}
