package io.devopsparadise.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InstanceManagerProcess;
import io.devopsparadise.testsupport.RepoPaths;
import io.devopsparadise.testsupport.ServiceProcess;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A size test: a generated Python workspace whose {@code standard} run yields 20,000 test cases (100 failing) and
 * more than 50,000 findings goes through the real platform. The run is stored and rendered in all five formats, the
 * paged dashboard run page loads in Chromium, the list API and the MCP answers stay small. Time, sizes and the heap
 * of the report-service and orchestrator are printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class LargeRunIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN_TOKEN = "pda_large-run-test-admin-token-0123456789abcdefgh";
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final List<String> REPORT_FILES =
            List.of("report.html", "report.json", "report.md", "report.sarif", "report.junit.xml");

    private static final int TEST_CASES = 20_000;
    private static final int FAILING_EVERY = 200;
    private static final int LINT_FILES = 4;
    private static final int LINT_LINES = 4_200;
    private static final int MIN_FINDINGS = 50_000;
    private static final int API_LIMIT = 64 * 1024;
    private static final int MCP_LIMIT = 32 * 1024;

    // static: JUnit injects instance @TempDir fields only after @BeforeAll; the services' logs stay when a test fails
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path home;

    @TempDir
    static Path workspaces;

    private Path workspace;
    private int flake8Findings;
    private InstanceManagerProcess manager;
    private ServiceProcess orchestrator;
    private ServiceProcess reports;
    private ServiceProcess gateway;
    private ConfigurableApplicationContext dashboard;
    private WebDriver browser;
    private McpReplClient mcp;
    private String runId;
    private JsonNode summary;

    @BeforeAll
    void start() throws Exception {
        workspace = generateWorkspace(workspaces.resolve("large"));
        flake8Findings = countFlake8Findings(workspace);
        manager = InstanceManagerProcess.start(Files.createDirectories(home.resolve("manager")), workspaces);
        orchestrator = ServiceProcess.start(
                "quality-orchestrator",
                home,
                "--paradise.quality.instance-manager-url=" + manager.url(""),
                "--paradise.quality.node-modules=" + RepoPaths.nodeModules());
        reports = ServiceProcess.start(
                "report-service",
                home,
                "--paradise.reports.home=" + home,
                "--paradise.reports.orchestrator-url=" + orchestrator.url(""),
                "--paradise.reports.instance-manager-url=" + manager.url(""));
        gateway = ServiceProcess.start(
                "bridge-gateway",
                home,
                "--paradise.gateway.home=" + home.resolve("gateway"),
                "--paradise.gateway.instance-manager-url=" + manager.url(""),
                "--paradise.gateway.admin-token=" + ADMIN_TOKEN,
                "--paradise.gateway.quality-orchestrator-url=" + orchestrator.url(""),
                "--paradise.gateway.report-service-url=" + reports.url(""));
        dashboard = DashboardBrowserIntegrationTests.startDashboard(
                reports.url(""), orchestrator.url(""), manager.url(""), gateway.url(""));
        browser = DashboardBrowserIntegrationTests.chromium(false);
        DashboardBrowserIntegrationTests.signIn(browser, URI.create(dashboard("")));
        Files.createDirectories(SCREENSHOTS);
        mcp = McpReplClient.connect(gateway.url("/mcp"), register("large", workspace));
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {
            mcp, browser == null ? null : browser::quit, dashboard, gateway, reports, orchestrator, manager
        }) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    /** One test file of {@value #TEST_CASES} parametrized cases, every {@value #FAILING_EVERY}th failing, and modules flake8 objects to. */
    private static Path generateWorkspace(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("test_many.py"), """
                import pytest


                @pytest.mark.parametrize("n", range(%d))
                def test_case(n):
                    assert n %% %d != 7, f"case {n} fails on purpose"
                """.formatted(TEST_CASES, FAILING_EVERY));
        // the project configures flake8, so the standard profile runs it and judges its findings
        Files.writeString(dir.resolve(".flake8"), "[flake8]\nmax-line-length = 120\n");
        for (int file = 1; file <= LINT_FILES; file++) {
            // E225 and twice E231 on every line; the numbers differ per file so that Pylint finds no duplicate code
            StringBuilder source = new StringBuilder("\"\"\"Generated module with style violations.\"\"\"\n");
            for (int line = 0; line < LINT_LINES; line++) {
                source.append("v")
                        .append(line)
                        .append("=[")
                        .append(line * LINT_FILES + file)
                        .append(',')
                        .append(file)
                        .append(',')
                        .append(line)
                        .append("]\n");
            }
            Files.writeString(dir.resolve("lint_" + file + ".py"), source);
        }
        return dir;
    }

    /** flake8 run by hand in the workspace, with the exclusions the orchestrator adds: its findings, one a line. */
    private static int countFlake8Findings(Path dir) throws Exception {
        Process flake8 = new ProcessBuilder(
                        "flake8", "--exit-zero", "--extend-exclude=.venv,venv,node_modules,.paradise", ".")
                .directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        long lines;
        try (var output = flake8.inputReader()) {
            lines = output.lines().filter(line -> !line.isBlank()).count();
        }
        assertThat(flake8.waitFor()).isZero();
        System.out.printf(
                "[large-run] generated: %d test cases (%d failing), flake8 by hand: %d findings%n",
                TEST_CASES, TEST_CASES / FAILING_EVERY, lines);
        return (int) lines;
    }

    private String register(String name, Path dir) throws Exception {
        HttpResponse<String> registered = Http.client()
                .send(
                        java.net.http.HttpRequest.newBuilder(gateway.url("/api/clients"))
                                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                                        "name",
                                        name,
                                        "workspace",
                                        dir.toString(),
                                        "backendProfile",
                                        "everything-process"))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return JSON.readTree(registered.body()).path("token").asString();
    }

    @Test
    @Order(1)
    void aLargeRunIsStoredWhole() throws Exception {
        long requested = System.nanoTime();
        JsonNode started = JSON.readTree(mcp.call("paradise_quality_run", Map.of("profile", "standard")))
                .path("result");
        runId = started.path("structuredContent").path("runId").asString();
        assertThat(runId).as(started.toString()).isNotBlank();

        HttpResponse<String> overview = awaitStored(Duration.ofMinutes(6));
        long storedMillis = (System.nanoTime() - requested) / 1_000_000;
        summary = JSON.readTree(overview.body()).path("summary");
        int judged = 0;
        for (JsonNode count : summary.path("findings")) {
            judged += count.asInt();
        }
        int advisory = summary.path("advisoryFindings").asInt();
        System.out.printf(
                "[large-run] request to stored: %d ms (run %s, state %s, %d tests, %d failed, %d judged + %d advisory findings)%n",
                storedMillis,
                runId,
                summary.path("state").asString(),
                summary.path("testsTotal").asInt(),
                summary.path("testsFailed").asInt(),
                judged,
                advisory);
        assertThat(summary.path("testsTotal").asInt()).isEqualTo(TEST_CASES);
        assertThat(summary.path("testsFailed").asInt()).isEqualTo(TEST_CASES / FAILING_EVERY);
        assertThat(judged + advisory).isGreaterThanOrEqualTo(Math.max(MIN_FINDINGS, flake8Findings));

        Path dir = home.resolve("reports")
                .resolve(summary.path("clientId").asString())
                .resolve(runId);
        for (String file : REPORT_FILES) {
            Path onDisk = dir.resolve(file);
            await(file + " written to disk")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> Files.isRegularFile(onDisk));
            long before = System.nanoTime();
            HttpResponse<String> served = Http.get(reports.url("/api/runs/" + runId + "/" + file));
            long servedMillis = (System.nanoTime() - before) / 1_000_000;
            assertThat(served.statusCode()).as(file).isEqualTo(200);
            System.out.printf(
                    "[large-run] %-16s %,12d bytes on disk, served in %d ms%n", file, Files.size(onDisk), servedMillis);
        }
    }

    private HttpResponse<String> awaitStored(Duration timeout) {
        HttpResponse<String> response = await("run " + runId + " stored by the report service")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Http.get(reports.url("/api/runs/" + runId)), answer -> answer.statusCode() != 404);
        assertThat(response.statusCode())
                .as("GET /api/runs/%s: %s", runId, response.body())
                .isEqualTo(200);
        return response;
    }

    @Test
    @Order(2)
    void theApiAnswersStaySmall() throws Exception {
        String clientId = summary.path("clientId").asString();
        Map<String, URI> answers = Map.of(
                "report-service GET /api/runs?clientId", reports.url("/api/runs?clientId=" + clientId),
                "report-service GET /api/runs/{id}", reports.url("/api/runs/" + runId),
                "report-service GET /api/runs/{id}/findings?limit=50",
                        reports.url("/api/runs/" + runId + "/findings?limit=50"),
                "report-service GET /api/runs/{id}/tests?status=FAILED",
                        reports.url("/api/runs/" + runId + "/tests?status=FAILED&limit=50"),
                "orchestrator GET /api/runs?clientId", orchestrator.url("/api/runs?clientId=" + clientId + "&limit=20"),
                "orchestrator GET /api/runs/{id}/summary", orchestrator.url("/api/runs/" + runId + "/summary"));
        for (Map.Entry<String, URI> answer : answers.entrySet()) {
            long before = System.nanoTime();
            HttpResponse<String> response = Http.get(answer.getValue());
            long millis = (System.nanoTime() - before) / 1_000_000;
            int size = response.body().getBytes(StandardCharsets.UTF_8).length;
            System.out.printf("[large-run] %-55s %,9d bytes in %d ms%n", answer.getKey(), size, millis);
            assertThat(response.statusCode())
                    .as(answer.getKey() + ": " + response.body())
                    .isEqualTo(200);
            assertThat(size).as(answer.getKey()).isLessThan(API_LIMIT);
        }
        JsonNode page = JSON.readTree(Http.get(reports.url("/api/runs/" + runId + "/findings?limit=50"))
                .body());
        assertThat(page.path("items")).hasSize(50);
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(MIN_FINDINGS);
    }

    @Test
    @Order(3)
    void theMcpAnswersStaySmall() throws Exception {
        for (String tool : List.of("paradise_quality_status", "paradise_quality_report")) {
            long before = System.nanoTime();
            String answer = mcp.call(tool, Map.of("runId", runId));
            long millis = (System.nanoTime() - before) / 1_000_000;
            int size = answer.getBytes(StandardCharsets.UTF_8).length;
            System.out.printf("[large-run] MCP %-25s %,9d bytes in %d ms%n", tool, size, millis);
            JsonNode result = JSON.readTree(answer).path("result");
            assertThat(result.path("isError").asBoolean(false)).as(answer).isFalse();
            assertThat(size).as(tool).isLessThan(MCP_LIMIT);
        }
    }

    @Test
    @Order(4)
    void theMcpAnswersNameTheReport() throws Exception {
        for (String tool : List.of("paradise_quality_status", "paradise_quality_report")) {
            String answer = mcp.call(tool, Map.of("runId", runId));
            assertThat(JSON.readTree(answer)
                            .path("result")
                            .path("content")
                            .get(0)
                            .path("text")
                            .asString())
                    .as(tool)
                    .contains("/api/runs/" + runId + "/report.html");
        }
    }

    @Test
    @Order(5)
    void thePagedRunPageLoadsInChromium() throws Exception {
        long before = System.nanoTime();
        browser.get(dashboard("/runs/" + runId));
        long millis = (System.nanoTime() - before) / 1_000_000;
        System.out.printf(
                "[large-run] dashboard run page loaded in Chromium in %d ms (%,d characters of HTML)%n",
                millis, browser.getPageSource().length());
        String total = Long.toString(JSON.readTree(Http.get(reports.url("/api/runs/" + runId + "/findings?limit=1"))
                        .body())
                .path("total")
                .asLong());
        assertThat(browser.findElements(By.cssSelector("#run-findings tbody tr")))
                .hasSize(50);
        assertThat(browser.findElement(By.id("findings-pager")).getText()).contains("1–50 of " + total);
        assertThat(browser.findElements(By.cssSelector("#run-failures tbody tr")))
                .hasSize(50);
        assertThat(browser.findElement(By.id("failures-pager")).getText()).contains("of " + TEST_CASES / FAILING_EVERY);
        screenshot("10-large-run");

        browser.findElement(By.cssSelector("#findings-pager a[rel=next]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(b -> b.findElement(By.id("findings-pager")).getText().contains("51–100 of " + total));
        assertThat(browser.findElements(By.cssSelector("#run-findings tbody tr")))
                .hasSize(50);
        screenshot("11-large-run-findings-page-2");
    }

    @Test
    @Order(6)
    void theHeapOfTheServicesIsMeasured() throws Exception {
        for (ServiceProcess service : List.of(reports, orchestrator)) {
            double used = metric(service, "jvm.memory.used");
            double committed = metric(service, "jvm.memory.committed");
            String name = service == reports ? "report-service" : "quality-orchestrator";
            System.out.printf(
                    "[large-run] heap of %-20s used %,.1f MiB, committed %,.1f MiB%n",
                    name, used / (1 << 20), committed / (1 << 20));
            assertThat(used).isPositive();
        }
    }

    private static double metric(ServiceProcess service, String name) throws Exception {
        HttpResponse<String> response = Http.get(service.url("/actuator/metrics/" + name + "?tag=area:heap"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body())
                .path("measurements")
                .get(0)
                .path("value")
                .asDouble();
    }

    private String dashboard(String path) {
        return "http://127.0.0.1:" + dashboard.getEnvironment().getProperty("local.server.port") + path;
    }

    private void screenshot(String name) throws Exception {
        Files.copy(
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                SCREENSHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
