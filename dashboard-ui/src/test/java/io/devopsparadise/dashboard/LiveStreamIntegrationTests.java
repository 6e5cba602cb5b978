package io.devopsparadise.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InProcessApps;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's live stream ({@code /events}) in the real dashboard, followed over a raw socket so that the test
 * decides when the "browser" leaves. The platform's services are unreachable: no event ever comes, which is when a
 * browser that left used to stay counted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LiveStreamIntegrationTests {

    private ConfigurableApplicationContext dashboard;
    private int port;
    private String session;

    @BeforeAll
    void start() throws Exception {
        dashboard = InProcessApps.builder(DashboardApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--paradise.security.home=" + Files.createTempDirectory("live-home"),
                        "--paradise.dashboard.report-service-url=http://127.0.0.1:9",
                        "--paradise.dashboard.orchestrator-url=http://127.0.0.1:9",
                        "--paradise.dashboard.instance-manager-url=http://127.0.0.1:9",
                        "--paradise.dashboard.gateway-url=http://127.0.0.1:9",
                        "--paradise.dashboard.live-heartbeat=200ms");
        port = Integer.parseInt(dashboard.getEnvironment().getProperty("local.server.port"));
        session = signedInSession();
    }

    @AfterAll
    void stop() {
        if (dashboard != null) {
            dashboard.close();
        }
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

    private record Follower(Socket socket, BufferedReader lines) implements AutoCloseable {

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    /** Opens {@code /events} as the signed-in browser and reads up to the stream's first event. */
    private Follower follow() throws Exception {
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /events HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: text/event-stream\r\nCookie: "
                        + "JSESSIONID=" + session + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
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

    private double followers() {
        return dashboard
                .getBean(MeterRegistry.class)
                .get("paradise.dashboard.live.browsers")
                .gauge()
                .value();
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
