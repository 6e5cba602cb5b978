package io.devopsparadise.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.devopsparadise.testsupport.Fixtures;
import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InProcessApps;
import io.devopsparadise.testsupport.InstanceManagerProcess;
import io.devopsparadise.testsupport.RepoPaths;
import io.devopsparadise.testsupport.ServiceCredential;
import io.devopsparadise.testsupport.ServiceProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerting end to end, every part real: an instance-manager whose instance is killed until it is FAILED; Debian's
 * Prometheus scraping it and the dashboard with the shipped docker/monitoring configuration (intervals cut from 15 s to
 * 1 s); Debian's Alertmanager with the shipped configuration, delivering to the dashboard's receiver; the dashboard
 * forwarding to a webhook (a small HTTP server standing for Slack) and showing the alert in headless Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class AlertingEndToEndIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path MONITORING = RepoPaths.root().resolve("docker/monitoring");

    private final List<String> chat = new CopyOnWriteArrayList<>();
    private final List<Process> tools = new ArrayList<>();
    private Path home;
    private Path workspace;
    private InstanceManagerProcess manager;
    private ConfigurableApplicationContext dashboard;
    private HttpServer webhook;
    private int prometheusPort;
    private WebDriver browser;

    @BeforeAll
    void start() throws Exception {
        home = Files.createTempDirectory("alerting-home");
        Path workspaces = Files.createTempDirectory("alerting-workspaces");
        workspace = Files.createDirectories(workspaces.resolve("shop"));
        manager = InstanceManagerProcess.start(
                Files.createDirectories(home.resolve("manager")),
                workspaces,
                "--paradise.instances.restart.max-restarts=1");
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/chat", exchange -> {
            chat.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhook.start();
        dashboard = InProcessApps.builder(DashboardApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--paradise.security.home=" + home,
                        "--paradise.dashboard.instance-manager-url=" + manager.url(""),
                        "--paradise.dashboard.report-service-url=http://127.0.0.1:9",
                        "--paradise.dashboard.orchestrator-url=http://127.0.0.1:9",
                        "--paradise.dashboard.gateway-url=http://127.0.0.1:9",
                        "--paradise.dashboard.alerts.webhook-url=http://127.0.0.1:"
                                + webhook.getAddress().getPort() + "/chat");
        int alertmanagerPort = ServiceProcess.freePort();
        startAlertmanager(alertmanagerPort);
        prometheusPort = ServiceProcess.freePort();
        startPrometheus(alertmanagerPort);
    }

    /** The shipped configuration, copied beside the monitoring credential, pointed at this test's ports. */
    private Path monitoringCopy() throws IOException {
        Path copy = Fixtures.copy(MONITORING, Files.createTempDirectory(home, "monitoring"));
        Files.createSymbolicLink(copy.resolve("monitoring-token"), ServiceCredential.monitoringFile());
        // this Alertmanager asks for no login (the start script's does); Prometheus sends it anyway
        Files.writeString(copy.resolve("alertmanager-password"), "unused");
        return copy;
    }

    private void startPrometheus(int alertmanagerPort) throws Exception {
        Path config = monitoringCopy();
        rewrite(config.resolve("prometheus.yml"), "scrape_interval: 15s", "scrape_interval: 1s");
        rewrite(config.resolve("prometheus.yml"), "evaluation_interval: 15s", "evaluation_interval: 1s");
        Files.writeString(config.resolve("targets/paradise.yml"), """
                - targets: ['127.0.0.1:%d']
                  labels: {service: instance-manager}
                - targets: ['127.0.0.1:%s']
                  labels: {service: dashboard-ui}
                """.formatted(manager.port(), dashboardPort()));
        Files.writeString(
                config.resolve("alertmanagers/alertmanager.yml"),
                "- targets: ['127.0.0.1:" + alertmanagerPort + "']\n");
        tools.add(start(
                config,
                "prometheus",
                "--config.file=prometheus.yml",
                "--storage.tsdb.path=" + config.resolve("data"),
                "--web.listen-address=127.0.0.1:" + prometheusPort));
    }

    private void startAlertmanager(int port) throws Exception {
        Path config = monitoringCopy();
        rewrite(config.resolve("alertmanager.yml"), "http://127.0.0.1:8140/api/alerts", dashboardUrl("/api/alerts"));
        rewrite(config.resolve("alertmanager.yml"), "group_wait: 10s", "group_wait: 1s");
        tools.add(start(
                config,
                "prometheus-alertmanager",
                "--config.file=alertmanager.yml",
                "--storage.path=" + config.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address="));
    }

    private static void rewrite(Path file, String shipped, String replacement) throws IOException {
        String text = Files.readString(file);
        assertThat(text).as(file + " as shipped").contains(shipped);
        Files.writeString(file, text.replace(shipped, replacement));
    }

    private static Process start(Path directory, String... command) throws IOException {
        return new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve(command[0] + ".log").toFile())
                .start();
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        for (Process tool : tools) {
            tool.destroy();
            if (!tool.waitFor(10, TimeUnit.SECONDS)) {
                tool.destroyForcibly();
            }
        }
        if (dashboard != null) {
            dashboard.close();
        }
        if (webhook != null) {
            webhook.stop(0);
        }
        if (manager != null) {
            manager.close();
        }
    }

    @Test
    void anInstanceKilledUntilItFailedIsAlertedEndToEnd() throws Exception {
        awaitScraped();
        JsonNode instance = provision("alice");

        killUntilFailed(instance);

        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> chat.stream().anyMatch(m -> m.contains("[FIRING] Instance of alice FAILED")));
        String message = JSON.readTree(chat.stream()
                        .filter(m -> m.contains("Instance of alice FAILED"))
                        .findFirst()
                        .orElseThrow())
                .path("text")
                .asString();
        assertThat(message)
                .contains("(critical)")
                .contains("Instance " + instance.path("id").asString() + " of client alice is FAILED");

        browser = DashboardBrowserIntegrationTests.chromium(false);
        DashboardBrowserIntegrationTests.signIn(browser, URI.create(dashboardUrl("")));
        browser.get(dashboardUrl("/alerts"));
        WebElement row = browser.findElement(By.cssSelector("#alerts tr[data-alert='ParadiseInstanceFailed']"));
        screenshot("alerts");
        assertThat(row.getText())
                .contains("firing")
                .contains("Instance of alice FAILED")
                .contains("alice");
        assertThat(browser.findElement(By.id("alerts-firing")).getText()).isEqualTo("1");
    }

    /** Both services answer Prometheus with the monitoring credential beside its configuration. */
    private void awaitScraped() {
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    JsonNode up = query("up");
                    assertThat(up.valueStream()
                                    .map(sample -> sample.path("metric")
                                                    .path("service")
                                                    .asString() + "="
                                            + sample.path("value").get(1).asString()))
                            .containsExactlyInAnyOrder("instance-manager=1", "dashboard-ui=1");
                });
    }

    private JsonNode provision(String client) throws Exception {
        HttpResponse<String> provisioned = Http.send(
                "POST",
                manager.url("/api/instances?waitSeconds=60"),
                "{\"clientId\":\"" + client + "\",\"workspace\":\"" + workspace
                        + "\",\"profile\":\"everything-process\"}");
        assertThat(provisioned.statusCode()).as(provisioned.body()).isEqualTo(201);
        return JSON.readTree(provisioned.body());
    }

    /** Kills the instance's processes from outside, waits for the restart, kills again: one restart is allowed. */
    private void killUntilFailed(JsonNode instance) throws Exception {
        String id = instance.path("id").asString();
        String port = instance.path("ports").path("mcp").asString();
        killProcessesServing(port);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode now = JSON.readTree(manager.get("/api/instances/" + id));
            return now.path("state").asString().equals("HEALTHY")
                    && now.path("restartCount").asInt() == 1;
        });
        killProcessesServing(port);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> JSON.readTree(manager.get("/api/instances/" + id))
                        .path("state")
                        .asString()
                        .equals("FAILED"));
    }

    private void killProcessesServing(String port) {
        List<ProcessHandle> serving = manager.processHandle()
                .descendants()
                .filter(process -> environment(process).contains("PORT=" + port))
                .toList();
        assertThat(serving).as("the instance's processes").isNotEmpty();
        serving.forEach(ProcessHandle::destroyForcibly);
    }

    private static List<String> environment(ProcessHandle process) {
        try {
            return Arrays.asList(Files.readString(Path.of("/proc/" + process.pid() + "/environ"))
                    .split("\0"));
        } catch (IOException gone) {
            return List.of();
        }
    }

    private JsonNode query(String promql) throws Exception {
        HttpResponse<String> answer = Http.sendAnonymous(
                "GET",
                URI.create("http://127.0.0.1:" + prometheusPort + "/api/v1/query?query="
                        + URLEncoder.encode(promql, StandardCharsets.UTF_8)),
                null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).path("data").path("result");
    }

    private String dashboardPort() {
        return dashboard.getEnvironment().getProperty("local.server.port");
    }

    private String dashboardUrl(String path) {
        return "http://127.0.0.1:" + dashboardPort() + path;
    }

    private void screenshot(String name) throws IOException {
        Path screenshots = Files.createDirectories(Path.of("target/screenshots"));
        Files.copy(
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                screenshots.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
