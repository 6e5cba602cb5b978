package io.devopsparadise.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.contracts.quality.QualityEvent.Type;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A run's live page in real headless Chromium while the run executes: the test plan shows when the PLAN event
 * arrives and each failing test when its TEST_FAILED event does, before the tool ends, without a reload. The events'
 * text comes from the tested repository (test ids, messages): it shows as text. The report-service's stream and the
 * orchestrator's digest are played by {@link ScriptedPlatform}, so the test says which events arrive and when;
 * {@link DashboardBrowserIntegrationTests} follows a real run on the real platform.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LiveRunPageBrowserIntegrationTests {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String PLAN =
            "pytest: 1 of 4 test(s) selected, 3 skipped: calc/ops.py::sub <img src=x onerror=alert(1)> changed";
    private static final String FAILURE =
            "tests/test_ops.py::test_sub[<b>8</b>]: AssertionError: assert <script>alert(1)</script> == 2";

    private ScriptedPlatform platform;
    private ConfigurableApplicationContext dashboard;
    private WebDriver browser;

    @BeforeAll
    void start() throws Exception {
        platform = ScriptedPlatform.start();
        URI url = platform.url();
        dashboard = DashboardBrowserIntegrationTests.startDashboard(url, url, url, url);
        browser = DashboardBrowserIntegrationTests.chromium(false);
        DashboardBrowserIntegrationTests.signIn(browser, URI.create(dashboard("")));
        platform.awaitFollower();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (dashboard != null) {
            dashboard.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    private String dashboard(String path) {
        return "http://127.0.0.1:" + dashboard.getEnvironment().getProperty("local.server.port") + path;
    }

    private WebDriverWait waitUpTo(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        wait.pollingEvery(Duration.ofMillis(100));
        return wait;
    }

    /** Opens a running run's page and waits for it to follow the live stream. */
    private void openLivePage(String runId) {
        browser.get(dashboard("/runs/" + runId));
        waitUpTo(Duration.ofSeconds(10))
                .until(b -> b.findElement(By.id("live-status")).getText().equals("live"));
    }

    @Test
    void theTestPlanAppearsOnTheLivePageWhenItsEventArrives() throws Exception {
        String runId = UUID.randomUUID().toString();
        platform.running(runId);
        openLivePage(runId);
        assertThat(browser.findElement(By.id("run-state")).getText()).isEqualTo("RUNNING");
        assertThat(browser.findElements(By.id("run-plan"))).isEmpty();

        platform.publish(Type.PLAN, runId, "pytest", "SELECTED", PLAN);
        platform.publish(Type.TOOL_STARTED, runId, "pytest", "RUNNING", null);

        waitUpTo(Duration.ofSeconds(10))
                .until(b -> !b.findElements(By.cssSelector("#run-plan li")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#run-plan li")).getText())
                .isEqualTo(PLAN);
    }

    @Test
    void eachFailingTestOfTheRunAppearsOnTheLivePageBeforeItsToolEnds() throws Exception {
        String runId = UUID.randomUUID().toString();
        String otherRun = UUID.randomUUID().toString();
        platform.running(runId);
        platform.running(otherRun);
        openLivePage(runId);
        platform.publish(Type.TOOL_STARTED, runId, "pytest", "RUNNING", null);
        waitUpTo(Duration.ofSeconds(10))
                .until(b -> !b.findElements(By.cssSelector("#run-tools tr[data-tool='pytest']"))
                        .isEmpty());
        assertThat(browser.findElements(By.id("run-first-failures"))).isEmpty();

        platform.publish(Type.TEST_FAILED, otherRun, "pytest", "FAILED", "tests/test_other.py::test_elsewhere: boom");
        platform.publish(Type.TEST_FAILED, runId, "pytest", "FAILED", FAILURE);

        waitUpTo(Duration.ofSeconds(10))
                .until(b -> !b.findElements(By.cssSelector("#run-first-failures li"))
                        .isEmpty());
        assertThat(browser.findElements(By.cssSelector("#run-first-failures li")))
                .singleElement()
                .satisfies(li -> assertThat(li.getText()).isEqualTo("pytest: " + FAILURE));
        assertThat(browser.findElement(By.cssSelector("#run-tools tr[data-tool='pytest']"))
                        .getText())
                .contains("RUNNING");
    }

    @Test
    void theEventsTextStaysTextOnTheLivePage() throws Exception {
        String runId = UUID.randomUUID().toString();
        platform.running(runId);
        openLivePage(runId);

        platform.publish(Type.PLAN, runId, "pytest", "SELECTED", PLAN);
        platform.publish(Type.TOOL_STARTED, runId, "pytest", "RUNNING", null);
        platform.publish(Type.TEST_FAILED, runId, "pytest", "FAILED", FAILURE);

        waitUpTo(Duration.ofSeconds(10))
                .until(b -> !b.findElements(By.cssSelector("#run-plan li")).isEmpty()
                        && !b.findElements(By.cssSelector("#run-first-failures li"))
                                .isEmpty());
        assertThat(browser.findElements(By.cssSelector("#run-live img, #run-live script, #run-live b")))
                .as("markup from the events")
                .isEmpty();
        Files.copy(
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                SCREENSHOTS.resolve("08-run-live-plan-and-failures.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
