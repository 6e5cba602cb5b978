package io.devopsparadise.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.devopsparadise.testsupport.Fixtures;
import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InProcessApps;
import io.devopsparadise.testsupport.InstanceManagerProcess;
import io.devopsparadise.testsupport.RepoPaths;
import io.devopsparadise.testsupport.ServiceProcess;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard in real headless Chromium (Debian's chromium and chromium-driver, through Selenium) against the real
 * platform: instance-manager, quality-orchestrator, report-service and gateway run from their jars. A client is
 * registered at the gateway and connects over MCP; the overview shows its instance appear live; a run started from
 * the dashboard is watched changing live until it finishes; its report opens; the trend chart is drawn.
 * Screenshots go to target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class DashboardBrowserIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN_TOKEN = "pda_dashboard-test-admin-token-0123456789abcdefgh";
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private Path home;
    private Path workspace;
    private InstanceManagerProcess manager;
    private ServiceProcess orchestrator;
    private ServiceProcess reports;
    private ServiceProcess gateway;
    private ConfigurableApplicationContext dashboard;
    private WebDriver browser;

    @BeforeAll
    void start() throws Exception {
        home = Files.createTempDirectory("dashboard-home");
        Path workspaces = Files.createTempDirectory("dashboard-workspaces");
        workspace = Fixtures.copy(
                RepoPaths.root().resolve("quality-orchestrator/src/test/resources/fixtures/python-project"),
                workspaces.resolve("calc"));
        Files.setPosixFilePermissions(workspace, PosixFilePermissions.fromString("rwxr-xr-x"));
        // a Git history, which insights read: the fixture as its first commit
        Files.writeString(
                workspace.resolve(".gitignore"), "__pycache__/\n.paradise/\n.coverage\n.runs-of-test-sometimes\n");
        git("init", "-q", "-b", "main");
        git("add", ".");
        git("-c", "user.name=alice", "-c", "user.email=alice@example.org", "commit", "-q", "-m", "calc");
        manager = InstanceManagerProcess.start(Files.createDirectories(home.resolve("manager")), workspaces);
        int reportsPort = ServiceProcess.freePort();
        orchestrator = ServiceProcess.start(
                "quality-orchestrator",
                home,
                "--paradise.quality.instance-manager-url=" + manager.url(""),
                "--paradise.quality.node-modules=" + RepoPaths.nodeModules(),
                "--paradise.quality.report-service-url=http://127.0.0.1:" + reportsPort);
        reports = ServiceProcess.startOn(
                reportsPort,
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
                "--paradise.gateway.quality-orchestrator-url=" + orchestrator.url(""));
        dashboard = startDashboard(reports.url(""), orchestrator.url(""), manager.url(""), gateway.url(""));
        browser = chromium(false);
        signIn(browser, URI.create(dashboard("")));
        Files.createDirectories(SCREENSHOTS);
    }

    /** As the developer does: opens the one-time link paradise-cli asks the dashboard for with the service credential. */
    static void signIn(WebDriver browser, URI dashboard) throws Exception {
        HttpResponse<String> link = Http.send("POST", dashboard.resolve("/api/sign-in-links"), null);
        assertThat(link.statusCode()).as(link.body()).isEqualTo(200);
        String url = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(link.body())
                .path("url")
                .asString();
        browser.get(url);
        // not "/;jsessionid=…", which is no page
        assertThat(browser.getCurrentUrl()).doesNotContain("sign-in").doesNotContain("jsessionid");
    }

    /** A GET with the browser's session, as its links are followed. */
    static HttpResponse<String> getAsBrowser(WebDriver browser, URI uri) throws Exception {
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        return Http.client()
                .send(
                        java.net.http.HttpRequest.newBuilder(uri)
                                .header("Cookie", "JSESSIONID=" + session)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    static ConfigurableApplicationContext startDashboard(
            URI reportService, URI orchestrator, URI manager, URI gateway) {
        Path home;
        try {
            home = Files.createTempDirectory("dashboard-home");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return InProcessApps.builder(DashboardApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--paradise.security.home=" + home,
                        "--paradise.dashboard.report-service-url=" + reportService,
                        "--paradise.dashboard.orchestrator-url=" + orchestrator,
                        "--paradise.dashboard.instance-manager-url=" + manager,
                        "--paradise.dashboard.gateway-url=" + gateway,
                        "--paradise.dashboard.live-heartbeat=300ms");
    }

    /** Debian's Chromium through Debian's chromedriver: nothing is downloaded. */
    static WebDriver chromium(boolean networkLog) {
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--window-size=1280,1000");
        if (networkLog) {
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.PERFORMANCE, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (dashboard != null) {
            dashboard.close();
        }
        for (AutoCloseable service : new AutoCloseable[] {gateway, reports, orchestrator, manager}) {
            if (service != null) {
                service.close();
            }
        }
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

    private WebDriverWait waitUpTo(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        wait.pollingEvery(Duration.ofMillis(100));
        return wait;
    }

    /** Registers alice at the gateway and sends her MCP client's initialize, which provisions her instance. */
    private void connectAlicesMcpClient() throws Exception {
        HttpClient http = Http.client();
        HttpResponse<String> registered = http.send(
                HttpRequest.newBuilder(gateway.url("/api/clients"))
                        .header("Authorization", "Bearer " + ADMIN_TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                                "name",
                                "alice",
                                "workspace",
                                workspace.toString(),
                                "backendProfile",
                                "everything-process"))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String token = JSON.readTree(registered.body()).path("token").asString();
        HttpResponse<String> initialized = http.send(
                HttpRequest.newBuilder(gateway.url("/mcp"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                                                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"dashboard-test\",\"version\":\"1\"}}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(initialized.statusCode()).as(initialized.body()).isEqualTo(200);
    }

    @Test
    @Order(1)
    void aNewClientsInstanceAppearsLiveOnTheOverview() throws Exception {
        browser.get(dashboard("/"));
        waitUpTo(Duration.ofSeconds(10))
                .until(b -> b.findElement(By.id("live-status")).getText().equals("live"));
        assertThat(browser.findElement(By.id("instances")).getText()).contains("No client has an instance yet");
        assertThat(browser.findElement(By.id("mcp-endpoint")).getText())
                .isEqualTo(gateway.url("/mcp").toString());
        assertThat(browser.findElement(By.id("runs")).getText()).contains("No runs yet");
        screenshot("01-overview-empty");

        connectAlicesMcpClient();

        waitUpTo(Duration.ofSeconds(30))
                .until(b -> b.findElements(By.cssSelector("#instances tr[data-client='alice'] .state-HEALTHY"))
                                .size()
                        == 1);
        assertThat(browser.findElement(By.cssSelector("#instances tr[data-client='alice']"))
                        .getText())
                .contains("process")
                .contains(workspace.toString());
        screenshot("02-overview-instance-live");
    }

    @Test
    @Order(2)
    void aRunStartedFromTheDashboardIsFollowedLiveToItsReport() throws Exception {
        browser.get(dashboard("/"));
        WebElement row = waitUpTo(Duration.ofSeconds(10))
                .until(b -> b.findElement(By.cssSelector("#instances tr[data-client='alice']")));
        new Select(row.findElement(By.name("profile"))).selectByValue("standard");
        row.findElement(By.className("run-button")).click();

        waitUpTo(Duration.ofSeconds(10)).until(b -> b.getCurrentUrl().contains("/runs/"));
        String runId = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        // what the page shows, sampled while it updates itself (no reload by the test)
        Set<String> seen = new LinkedHashSet<>();
        boolean screenshotTaken = false;
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline
                && browser.findElements(By.id("run-grade")).isEmpty()) {
            List<WebElement> live = browser.findElements(By.id("run-live"));
            if (!live.isEmpty()) {
                try {
                    seen.add(live.get(0).getText().replaceAll("\\s+", " "));
                    if (!screenshotTaken && live.get(0).getText().contains("RUNNING")) {
                        screenshot("03-run-live");
                        screenshotTaken = true;
                    }
                } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
                    // htmx replaced it meanwhile
                }
            }
            Thread.sleep(50);
        }

        assertThat(browser.findElements(By.id("run-grade")))
                .as("the page turned into the finished run's page")
                .hasSize(1);
        assertThat(seen).as("states the live page went through: " + seen).hasSizeGreaterThanOrEqualTo(2);
        assertThat(seen).anySatisfy(text -> assertThat(text).contains("RUNNING"));
        assertThat(seen)
                .anySatisfy(text ->
                        assertThat(text).containsPattern("pytest FAILED 6 1|(bandit|pylint|flake8|shellcheck) PASSED"));
        assertThat(browser.findElement(By.id("run-state")).getText()).isEqualTo("FAILED");
        assertThat(browser.findElement(By.id("run-tools")).getText())
                .contains("pytest")
                .contains("bandit")
                .contains("pylint");
        screenshot("04-run-finished");

        browser.findElement(By.id("link-report-html")).click();
        waitUpTo(Duration.ofSeconds(10))
                .until(b -> !b.findElements(By.id("grade")).isEmpty());
        assertThat(browser.findElement(By.id("verdict")).getText()).contains("pytest: 1 failing test(s)");
        assertThat(browser.findElements(By.cssSelector("#failures pre"))).isNotEmpty();
        screenshot("05-html-report");
        assertThat(getAsBrowser(browser, URI.create(dashboard("/runs/" + runId + "/reports/report.sarif")))
                        .body())
                .contains("\"version\" : \"2.1.0\"");
    }

    @Test
    @Order(3)
    void theTrendChartIsDrawnFromEveryRunOfTheWorkspace() throws Exception {
        browser.get(dashboard("/"));
        WebElement row = waitUpTo(Duration.ofSeconds(10))
                .until(b -> b.findElement(By.cssSelector("#instances tr[data-client='alice']")));
        new Select(row.findElement(By.name("profile"))).selectByValue("quick");
        row.findElement(By.className("run-button")).click();
        waitUpTo(Duration.ofMinutes(2))
                .until(b -> !b.findElements(By.id("run-grade")).isEmpty());
        browser.findElement(By.linkText("Trends of this workspace")).click();

        waitUpTo(Duration.ofSeconds(10))
                .until(b -> !b.findElements(By.id("quality-chart")).isEmpty());
        JavascriptExecutor js = (JavascriptExecutor) browser;
        Object points = js.executeScript(
                "return Chart.getChart(document.getElementById('quality-chart')).data.datasets[0].data.length");
        Object inked = js.executeScript("const c = document.getElementById('quality-chart');"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                + "for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n;");
        assertThat(((Number) points).intValue()).isEqualTo(2);
        assertThat(((Number) inked).intValue())
                .as("pixels drawn on the chart's canvas")
                .isGreaterThan(1_000);
        assertThat(browser.findElements(By.cssSelector("#trend-runs tbody tr"))).hasSize(2);
        screenshot("06-trends");
    }

    @Test
    @Order(4)
    void theInsightsPageShowsEveryInsightOfTheWorkspace() throws Exception {
        // a test that fails its first run only: the run's rerun makes it FLAKY, and the report-service's history lists
        // it
        Files.writeString(workspace.resolve("test_network.py"), """
                import pathlib

                COUNTER = pathlib.Path(__file__).with_name(".runs-of-test-sometimes")


                def test_sometimes():
                    runs = int(COUNTER.read_text()) if COUNTER.exists() else 0
                    COUNTER.write_text(str(runs + 1))
                    assert runs % 3 != 0, "the first of every three runs fails"
                """);
        // and a function no test calls, changed since the last run's commit: a coverage gap whose test goes in
        // test_calc.py
        Files.writeString(
                workspace.resolve("calc.py"),
                Files.readString(workspace.resolve("calc.py"))
                        + "\n\ndef untested_halve(n):\n    half = n / 2\n    return half\n");
        browser.get(dashboard("/"));
        WebElement row = waitUpTo(Duration.ofSeconds(10))
                .until(b -> b.findElement(By.cssSelector("#instances tr[data-client='alice']")));
        new Select(row.findElement(By.name("profile"))).selectByValue("quick");
        row.findElement(By.className("run-button")).click();
        waitUpTo(Duration.ofMinutes(2))
                .until(b -> !b.findElements(By.id("run-grade")).isEmpty());
        waitUpTo(Duration.ofSeconds(30)).pollingEvery(Duration.ofSeconds(1)).until(b -> {
            b.get(dashboard("/insights?clientId=alice"));
            return !b.findElements(By.id("flaky-tests")).isEmpty();
        });
        browser.get(dashboard("/"));
        browser.findElement(By.cssSelector("#instances tr[data-client='alice'] .insights-link"))
                .click();
        waitUpTo(Duration.ofMinutes(1))
                .until(b -> !b.findElements(By.id("hotspot-chart")).isEmpty());

        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat(((Number)
                                js.executeScript(
                                        "return Chart.getChart(document.getElementById('hotspot-chart')).data.datasets[0].data.length"))
                        .intValue())
                .isEqualTo(browser.findElements(By.cssSelector("#hotspots tr[id^='hotspot-']"))
                        .size())
                .isGreaterThanOrEqualTo(2);
        assertThat(inked("hotspot-chart"))
                .as("pixels drawn on the hotspot chart")
                .isGreaterThan(1_000);
        assertThat(((Number)
                                js.executeScript(
                                        "return Chart.getChart(document.getElementById('debt-chart')).data.datasets[0].data.length"))
                        .intValue())
                .as("one point per stored run")
                .isEqualTo(3);
        assertThat(inked("debt-chart")).as("pixels drawn on the debt chart").isGreaterThan(1_000);
        assertThat(browser.findElement(By.id("flaky-tests")).getText())
                .contains("test_network › test_sometimes")
                .contains("failed, then passed on a rerun");
        assertThat(browser.findElement(By.id("risk-value")).getText()).matches("\\d+%");
        assertThat(browser.findElement(By.id("risk-coverage")).getText())
                .as("the run was on the working tree's commit")
                .containsPattern("Tests ran \\d+ of [1-9]\\d* of its changed lines");
        List<WebElement> recommended = browser.findElements(By.cssSelector("#recommendations li"));
        assertThat(recommended).isNotEmpty();
        assertThat(browser.findElement(By.id("recommendations")).getText())
                .contains("add tests for calc.py")
                .contains("fix flaky test test_network › test_sometimes");
        assertThat(browser.findElement(By.id("coverage-gaps")).getText())
                .contains("calc.py")
                .contains("untested_halve")
                .contains("test_calc.py");
        screenshot("07-insights");

        browser.findElement(By.cssSelector("#recommendations a.file-link")).click();
        assertThat(browser.getCurrentUrl()).endsWith("#hotspot-calc.py");
        assertThat(browser.findElement(By.id("hotspot-calc.py")).getText()).contains("calc.py");
        browser.findElement(By.cssSelector("#recommendations a.test-link")).click();
        assertThat(browser.findElement(By.id("flaky-test_network › test_sometimes"))
                        .isDisplayed())
                .isTrue();
        browser.findElement(By.id("coverage-run")).click();
        waitUpTo(Duration.ofSeconds(10))
                .until(b -> !b.findElements(By.id("run-grade")).isEmpty());
        assertThat(browser.getCurrentUrl()).contains("/runs/");
        screenshot("08-insights-link-to-run");
    }

    private long inked(String canvas) {
        return ((Number) ((JavascriptExecutor) browser)
                        .executeScript(
                                "const c = document.getElementById(arguments[0]);"
                                        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                                        + "for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n;",
                                canvas))
                .longValue();
    }

    private void git(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", workspace.toString()));
        command.addAll(List.of(arguments));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes());
        assertThat(git.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }

    @Test
    @Order(5)
    void theUsagePageShowsEachClientsUsageAsTheServicesCountIt() throws Exception {
        JsonNode mcp = JSON.readTree(Http.get(gateway.url("/api/usage")).body())
                .valueStream()
                .filter(row -> row.path("clientId").asString().equals("alice"))
                .findFirst()
                .orElseThrow();
        int runs = JSON.readTree(Http.get(reports.url("/api/runs?clientId=alice&limit=500"))
                        .body())
                .size();

        browser.get(dashboard("/usage"));
        WebElement row = waitUpTo(Duration.ofSeconds(10))
                .until(b -> b.findElement(By.cssSelector("#usage tr[data-client='alice']")));

        assertThat(mcp.path("sessions").asLong()).isPositive();
        assertThat(row.findElement(By.className("sessions")).getText())
                .isEqualTo(String.valueOf(mcp.path("sessions").asLong()));
        assertThat(Long.parseLong(row.findElement(By.className("requests")).getText()))
                .as("requests only grow")
                .isGreaterThanOrEqualTo(mcp.path("requests").asLong());
        assertThat(row.findElement(By.className("runs")).getText()).isEqualTo(String.valueOf(runs));
        assertThat(runs).as("the runs of the earlier tests").isGreaterThanOrEqualTo(2);
        screenshot("08-usage");
    }

    @Test
    @Order(6)
    void theHtmlReportOpenedFromDiskMakesNoExternalRequest() throws Exception {
        Path report;
        try (var files = Files.walk(home.resolve("reports"))) {
            report = files.filter(p -> p.getFileName().toString().equals("report.html"))
                    .findFirst()
                    .orElseThrow();
        }
        WebDriver offline = chromium(true);
        try {
            offline.get(report.toUri().toString());
            assertThat(offline.findElement(By.id("grade")).getText()).matches("[A-E]");
            List<String> requested = new ArrayList<>();
            for (LogEntry entry : offline.manage().logs().get(LogType.PERFORMANCE)) {
                JsonNode message = JSON.readTree(entry.getMessage()).path("message");
                if (message.path("method").asString().equals("Network.requestWillBeSent")) {
                    requested.add(
                            message.path("params").path("request").path("url").asString());
                }
            }
            assertThat(requested)
                    .as("requests the report made")
                    .isNotEmpty()
                    .allSatisfy(url -> assertThat(url).matches("(file|data):.*"));
        } finally {
            offline.quit();
        }
    }

    @Test
    @Order(7)
    void servicesThatAreDownAreExplainedOnThePage() throws Exception {
        URI nowhere = URI.create("http://127.0.0.1:" + ServiceProcess.freePort());
        ConfigurableApplicationContext stranded = startDashboard(nowhere, nowhere, nowhere, nowhere);
        try {
            // by name, not by address: the browser keeps the two dashboards' session cookies apart
            URI strandedDashboard =
                    URI.create("http://localhost:" + stranded.getEnvironment().getProperty("local.server.port"));
            signIn(browser, strandedDashboard);
            browser.get(strandedDashboard.resolve("/").toString());
            assertThat(browser.findElement(By.id("instances")).getText())
                    .contains("The instance-manager is not reachable at " + nowhere)
                    .contains("scripts/start-devops-paradise.sh");
            assertThat(browser.findElement(By.id("runs")).getText())
                    .contains("The report-service is not reachable at " + nowhere);
            screenshot("09-services-down");
        } finally {
            stranded.close();
        }
    }

    @Test
    @Order(8)
    void anUnknownRunIsExplainedOnThePage() throws Exception {
        browser.get(dashboard("/runs/no-such-run"));

        assertThat(browser.findElement(By.id("error-message")).getText()).contains("no run has the id no-such-run");
        assertThat(browser.getPageSource()).doesNotContain("Exception").doesNotContain("at io.");
    }

    /**
     * A browser opens at most 6 connections to one host: pages left for the back/forward cache used to keep their live
     * streams open, and a click a few pages later waited about a minute for a free connection.
     */
    @Test
    @Order(9)
    void pagesTheBrowserLeftKeepNoLiveStreamOpen() throws Exception {
        for (String page : List.of("/", "/usage", "/alerts", "/", "/usage", "/alerts", "/", "/usage")) {
            browser.get(dashboard(page));
            waitUpTo(Duration.ofSeconds(10))
                    .until(b -> b.findElement(By.id("live-status")).getText().equals("live"));
        }

        await().atMost(Duration.ofSeconds(10))
                .until(() -> dashboard
                                .getBean(MeterRegistry.class)
                                .get("paradise.dashboard.live.browsers")
                                .gauge()
                                .value()
                        == 1);
    }
}
