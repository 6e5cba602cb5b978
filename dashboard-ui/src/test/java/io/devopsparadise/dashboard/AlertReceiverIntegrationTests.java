package io.devopsparadise.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InProcessApps;
import io.devopsparadise.testsupport.ServiceCredential;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's Alertmanager receiver ({@code POST /api/alerts}) in the real dashboard, forwarding to a real HTTP
 * server that stands for a Slack-compatible webhook: who may post, what it refuses, what it keeps and forwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AlertReceiverIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String> forwarded = new CopyOnWriteArrayList<>();
    private final AtomicInteger refuseNext = new AtomicInteger();
    private final AtomicInteger webhookCalls = new AtomicInteger();
    private HttpServer webhook;
    private ConfigurableApplicationContext dashboard;

    @BeforeAll
    void start() throws Exception {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hooks/chat", exchange -> {
            webhookCalls.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean refuse = refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            if (!refuse) {
                forwarded.add(exchange.getRequestHeaders().getFirst("Authorization") + "|" + body);
            }
            exchange.sendResponseHeaders(refuse ? 503 : 200, -1);
            exchange.close();
        });
        webhook.start();
        dashboard = InProcessApps.builder(DashboardApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--paradise.security.home=" + Files.createTempDirectory("alerts-home"),
                        "--paradise.dashboard.report-service-url=http://127.0.0.1:9",
                        "--paradise.dashboard.orchestrator-url=http://127.0.0.1:9",
                        "--paradise.dashboard.instance-manager-url=http://127.0.0.1:9",
                        "--paradise.dashboard.gateway-url=http://127.0.0.1:9",
                        "--paradise.dashboard.alerts.retained=3",
                        "--paradise.dashboard.alerts.webhook-url=http://127.0.0.1:"
                                + webhook.getAddress().getPort() + "/hooks/chat");
    }

    @AfterAll
    void stop() {
        if (dashboard != null) {
            dashboard.close();
        }
        webhook.stop(0);
    }

    @Test
    void aFiringAlertIsKept() throws Exception {
        HttpResponse<String> posted = post(notification(alert("firing", "a1", "ParadiseInstanceFailed", "carol")));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(204);
        JsonNode kept = find("a1");
        assertThat(kept.path("alert").path("labels").path("client").asString()).isEqualTo("carol");
    }

    @Test
    void aFiringAlertIsForwardedAsSlackText() throws Exception {
        post(notification(alert("firing", "a2", "ParadiseInstanceFailed", "cathy")));

        assertThat(JSON.readTree(awaitForwarded("cathy").substring("null|".length()))
                        .path("text")
                        .asString())
                .isEqualTo("[FIRING] Instance of cathy FAILED (critical)\nInstance i-cathy of client cathy is FAILED.");
    }

    @Test
    void aForwardedAlertCarriesNoServiceCredential() throws Exception {
        post(notification(alert("firing", "a3", "ParadiseInstanceFailed", "cecil")));

        assertThat(awaitForwarded("cecil")).startsWith("null|");
    }

    private String awaitForwarded(String client) {
        await().atMost(Duration.ofSeconds(10)).until(() -> forwarded.stream().anyMatch(f -> f.contains(client)));
        return forwarded.stream().filter(f -> f.contains(client)).findFirst().orElseThrow();
    }

    @Test
    void aResolvedAlertReplacesItsFiringState() throws Exception {
        post(notification(alert("firing", "b1", "ParadiseServiceDown", "dave")));
        HttpResponse<String> posted = post(notification(alert("resolved", "b1", "ParadiseServiceDown", "dave")));

        assertThat(posted.statusCode()).isEqualTo(204);
        assertThat(find("b1").path("alert").path("status").asString()).isEqualTo("resolved");
    }

    @Test
    void aResolvedAlertIsForwardedAsResolved() throws Exception {
        post(notification(alert("firing", "b2", "ParadiseServiceDown", "dora")));
        post(notification(alert("resolved", "b2", "ParadiseServiceDown", "dora")));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> forwarded.stream().anyMatch(f -> f.contains("[RESOLVED]") && f.contains("dora")));
    }

    @Test
    void aWebhookThatRefusesTwiceGetsTheAlertOnTheThirdTry() throws Exception {
        refuseNext.set(2);
        int before = webhookCalls.get();

        post(notification(alert("firing", "c1", "ParadiseGatewayErrorRate", "erin")));

        await().atMost(Duration.ofSeconds(20)).until(() -> forwarded.stream().anyMatch(f -> f.contains("erin")));
        assertThat(webhookCalls.get() - before).isEqualTo(3);
    }

    @Test
    void textThatLooksLikeSlackMarkupIsEscaped() throws Exception {
        post(notification(alert("firing", "d1", "Hostile", "<!channel> & <https://evil.example|click> @all")));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> forwarded.stream().anyMatch(f -> f.contains("evil.example")));
        String text = JSON.readTree(forwarded.stream()
                        .filter(f -> f.contains("evil.example"))
                        .findFirst()
                        .orElseThrow()
                        .substring("null|".length()))
                .path("text")
                .asString();
        assertThat(text)
                .doesNotContain("<!channel>")
                .doesNotContain("@all")
                .contains("&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt; @\u200ball");
    }

    @Test
    void onlyTheRetainedNumberOfAlertsIsKeptResolvedOnesLeavingFirst() throws Exception {
        for (String fingerprint : List.of("e1", "e2", "e3", "e4", "e5")) {
            post(notification(alert(fingerprint.equals("e2") ? "resolved" : "firing", fingerprint, "Many", "gina")));
        }

        List<String> kept = JSON.readTree(Http.get(url("/api/alerts")).body())
                .valueStream()
                .map(a -> a.path("alert").path("fingerprint").asString())
                .toList();
        assertThat(kept).hasSize(3).doesNotContain("e2");
    }

    @Test
    void theMonitoringCredentialDeliversAlerts() throws Exception {
        HttpResponse<String> delivered = Http.send(
                "POST",
                url("/api/alerts"),
                notification(alert("firing", "m1", "ParadiseServiceDown", "ivan")),
                ServiceCredential.monitoringAuthorization());

        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(204);
    }

    @Test
    void theMonitoringCredentialOpensNothingElse() throws Exception {
        String monitoring = ServiceCredential.monitoringAuthorization();

        HttpResponse<String> usage = Http.send("GET", url("/api/usage"), null, monitoring);
        HttpResponse<String> signIn = Http.send("POST", url("/api/sign-in-links"), null, monitoring);

        assertThat(usage.statusCode()).isEqualTo(401);
        assertThat(signIn.statusCode()).isEqualTo(401);
    }

    @Test
    void aPostWithoutTheServiceCredentialIsRefused() throws Exception {
        HttpResponse<String> anonymous = Http.sendAnonymous(
                "POST", url("/api/alerts"), notification(alert("firing", "f1", "Forged", "mallory")));

        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void aBodyThatIsNotAlertmanagersJsonIsABadRequestThatSaysSo() throws Exception {
        HttpResponse<String> posted = post("[1,2");

        assertThat(posted.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(posted.body()).path("detail").asString())
                .startsWith("the body is not Alertmanager's webhook JSON")
                .doesNotContain("Exception");
    }

    @Test
    void anAlertWithAnUnknownStatusIsABadRequestNamingTheField() throws Exception {
        HttpResponse<String> posted = post(notification(alert("exploding", "g1", "Odd", "hank")));

        assertThat(posted.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(posted.body()).path("detail").asString())
                .isEqualTo("alerts[0].status must be 'firing' or 'resolved'");
    }

    @Test
    void anAlertHoldingMoreTextThanTheBoundIsABadRequest() throws Exception {
        java.util.Map<String, String> labels = new java.util.HashMap<>(java.util.Map.of("alertname", "Wordy"));
        for (int i = 0; i < 20; i++) {
            labels.put("label" + i, "y".repeat(1_000));
        }
        String wordy = JSON.writeValueAsString(java.util.Map.of(
                "status", "firing", "fingerprint", "w1", "startsAt", "2026-11-30T06:00:00Z", "labels", labels));

        HttpResponse<String> posted = post(notification(wordy));

        assertThat(posted.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(posted.body()).path("detail").asString())
                .isEqualTo("alerts[0]'s labels and annotations hold more than 16384 characters together");
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedAsTooLarge() throws Exception {
        String huge = notification(alert("firing", "h1", "Huge", "x".repeat(1 << 20)));

        HttpResponse<String> posted = post(huge);

        assertThat(posted.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(posted.body()).path("detail").asString()).contains("larger than 1048576 bytes");
    }

    private JsonNode find(String fingerprint) throws Exception {
        return JSON.readTree(Http.get(url("/api/alerts")).body())
                .valueStream()
                .filter(a -> a.path("alert").path("fingerprint").asString().equals(fingerprint))
                .findFirst()
                .orElseThrow();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return Http.send("POST", url("/api/alerts"), body);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + dashboard.getEnvironment().getProperty("local.server.port") + path);
    }

    private static String notification(String... alerts) {
        return """
                {"version":"4","status":"firing","receiver":"paradise-dashboard","groupKey":"{}:{}","alerts":[%s]}""".formatted(String.join(",", alerts));
    }

    private static String alert(String status, String fingerprint, String name, String client) {
        return JSON.writeValueAsString(java.util.Map.of(
                "status",
                status,
                "fingerprint",
                fingerprint,
                "startsAt",
                "2026-11-30T06:00:00Z",
                "endsAt",
                status.equals("resolved") ? "2026-11-30T06:05:00Z" : "0001-01-01T00:00:00Z",
                "generatorURL",
                "http://127.0.0.1:9090/graph",
                "labels",
                java.util.Map.of("alertname", name, "client", client, "severity", "critical"),
                "annotations",
                java.util.Map.of(
                        "summary", "Instance of " + client + " FAILED",
                        "description", "Instance i-" + client + " of client " + client + " is FAILED.")));
    }
}
