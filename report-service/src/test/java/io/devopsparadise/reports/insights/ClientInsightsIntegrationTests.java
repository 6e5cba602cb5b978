package io.devopsparadise.reports.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.devopsparadise.contracts.quality.CoverageResult;
import io.devopsparadise.contracts.quality.FileCoverage;
import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.PerformanceResult;
import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.RunState;
import io.devopsparadise.contracts.quality.Severity;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.TestStatus;
import io.devopsparadise.contracts.quality.ToolCategory;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.quality.ToolStatus;
import io.devopsparadise.reports.ReportServiceApplication;
import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InProcessApps;
import io.devopsparadise.testsupport.ServiceProcess;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Insights over a client's stored runs, through the real report-service: six runs built so that each insight follows from
 * them. test_net fails on commit 2 and passes on the same commit in the next run, then is FLAKY (a rerun passed) in run 5;
 * test_broken fails on three different commits and never passes (a real failure, not flaky); E501 is found in three files
 * of two directories by every run; the performance score drops by 20 points in the last run against ±1 point of noise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ClientInsightsIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CLIENT = "insights-client";
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final String[] COMMITS = {"c1", "c2", "c2", "c4", "c5", "c6"};
    private static final double[] PERFORMANCE = {0.90, 0.91, 0.90, 0.91, 0.90, 0.70};
    /** Largest contentful paint: noisy by ±40 ms, then 900 ms slower in run 4 and back; total blocking time steady. */
    private static final double[] LCP = {1200, 1240, 1210, 1250, 2150, 1230};

    private ConfigurableApplicationContext reports;
    private final List<String> runIds = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        int nobody = ServiceProcess.freePort();
        reports = InProcessApps.builder(ReportServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--paradise.reports.home=" + Files.createTempDirectory("insights-reports"),
                        "--paradise.reports.orchestrator-url=http://127.0.0.1:" + nobody,
                        "--paradise.reports.instance-manager-url=http://127.0.0.1:" + nobody);
        for (int i = 0; i < COMMITS.length; i++) {
            QualityRunResult run = run(i);
            HttpResponse<String> stored = Http.send("POST", url("/api/runs"), JSON.writeValueAsString(run));
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
            runIds.add(run.id());
        }
    }

    @AfterAll
    void stop() {
        reports.close();
    }

    @Test
    void aTestWhoseResultChangedOnTheSameCodeIsFlaky() throws Exception {
        JsonNode insights = insights();

        assertThat(insights.path("windowRuns").asInt()).isEqualTo(6);
        JsonNode net = insights.path("flakyTests").get(0);
        assertThat(net.path("name").asString()).isEqualTo("test_net");
        assertThat(net.path("runs").asInt()).isEqualTo(6);
        assertThat(net.path("flaky").asInt()).as("run 5's rerun passed").isEqualTo(1);
        assertThat(net.path("failedOnPassingCode").asInt())
                .as("run 2 failed on commit c2, run 3 passed on it")
                .isEqualTo(1);
        assertThat(net.path("flakeRate").asDouble()).isCloseTo(2 / 6.0, within(1e-9));
        assertThat(Instant.parse(net.path("firstSeen").asString())).isEqualTo(T0.plusSeconds(3600));
        assertThat(Instant.parse(net.path("lastSeen").asString())).isEqualTo(T0.plusSeconds(4 * 3600));
        assertThat(net.path("evidence").asString()).contains("1 of 6 runs").contains("commit c2");
    }

    @Test
    void aTestThatNeverPassedIsNotFlaky() throws Exception {
        assertThat(insights().path("flakyTests"))
                .as("test_broken fails on three commits and never passes: only test_net is flaky")
                .hasSize(1);
    }

    @Test
    void aRuleFoundInManyFilesByEveryRunRecurs() throws Exception {
        JsonNode rules = insights().path("recurringRules");

        assertThat(rules).hasSize(2);
        JsonNode e501 = rules.get(0);
        assertThat(e501.path("rule").asString()).isEqualTo("E501");
        assertThat(e501.path("files").asInt()).isEqualTo(3);
        assertThat(e501.path("runsSeen").asInt()).isEqualTo(6);
        assertThat(e501.path("directories").toString()).isEqualTo("[\"pkg/a\",\"pkg/b\"]");
        assertThat(e501.path("perRun").toString()).isEqualTo("[3,3,3,3,3,3]");
        assertThat(rules.get(1).path("rule").asString()).startsWith("R0912");
    }

    @Test
    void lintAdviceIsLeftOutOfTheRecurringRules() throws Exception {
        JsonNode rules = insights().path("recurringRules");

        assertThat(rules.toString()).as("pylint's advice of the first runs").doesNotContain("C0114");
    }

    @Test
    void debtIsTheRemediationTableTimesTheFindingsAgainstTheMeasuredLines() throws Exception {
        JsonNode insights = insights();
        JsonNode debt = insights.path("debt");
        RemediationTable table = new RemediationTable(Map.of());
        long minutes = 3L * table.minutes("flake8", "E501", Severity.LOW)
                + table.minutes("pylint", "R0912 too-many-branches", Severity.MEDIUM);

        assertThat(debt.path("runId").asString()).isEqualTo(runIds.get(5));
        assertThat(debt.path("minutes").asLong()).isEqualTo(minutes);
        assertThat(debt.path("codeLines").asInt()).isEqualTo(1000);
        assertThat(debt.path("ratio").asDouble()).isCloseTo(minutes / (1000.0 * 30), within(1e-12));
        assertThat(debt.path("rating").asString()).isEqualTo("A");
        assertThat(insights.path("debtTrend")).hasSize(6);
        assertThat(insights.path("debtTrend").get(0).path("minutes").asLong())
                .isEqualTo(3L * table.minutes("flake8", "E501", Severity.LOW));
    }

    @Test
    void aPerformanceDropBeyondTheNoiseNamesTheCommitsBetweenWhichItAppeared() throws Exception {
        JsonNode drops = insights().path("performanceRegressions");

        assertThat(drops).hasSize(2);
        JsonNode paint = drops.get(0);
        assertThat(paint.path("metric").asString()).isEqualTo("largest-contentful-paint");
        assertThat(paint.path("runId").asString()).isEqualTo(runIds.get(4));
        assertThat(paint.path("fromCommit").asString()).isEqualTo("c4");
        assertThat(paint.path("toCommit").asString()).isEqualTo("c5");
        assertThat(paint.path("summary").asString())
                .isEqualTo("largest-contentful-paint 1225 ms → 2150 ms (noise ±50 ms)");
        JsonNode score = drops.get(1);
        assertThat(score.path("metric").asString()).isEqualTo("performance");
        assertThat(score.path("runId").asString()).isEqualTo(runIds.get(5));
        assertThat(score.path("fromCommit").asString()).isEqualTo("c5");
        assertThat(score.path("toCommit").asString()).isEqualTo("c6");
        assertThat(score.path("after").asDouble()).isEqualTo(0.70);
        assertThat(drops.toString())
                .as("a steady metric, and the paint's return to normal, are no regression")
                .doesNotContain("total-blocking-time");
    }

    @Test
    void theRunsReportsCarryAnInsightsSection() throws Exception {
        String markdown = Http.send("GET", url("/api/runs/" + runIds.get(5) + "/report.md"), null)
                .body();
        String html = Http.send("GET", url("/api/runs/" + runIds.get(5) + "/report.html"), null)
                .body();
        JsonNode json = JSON.readTree(Http.send("GET", url("/api/runs/" + runIds.get(5) + "/report.json"), null)
                .body());

        assertThat(markdown)
                .contains("### Insights")
                .contains("flaky `test_network › test_net`")
                .contains("rule flake8 `E501` in 3 file(s)")
                .contains("performance 90 → 70 (noise ±3)");
        assertThat(html)
                .contains("<h2 id=\"insights\">Insights</h2>")
                .contains("test_net")
                .contains("rating <strong>A</strong>");
        assertThat(json.path("insights").path("flakyTests").get(0).path("name").asString())
                .isEqualTo("test_net");
    }

    @Test
    void aClientNameOffTheRuleIsRefused() throws Exception {
        HttpResponse<String> refused = Http.send("GET", url("/api/insights?clientId=..%2Fother"), null);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain("Exception");
    }

    private JsonNode insights() throws Exception {
        HttpResponse<String> answer = Http.send("GET", url("/api/insights?clientId=" + CLIENT), null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static QualityRunResult run(int i) {
        TestStatus net = i == 1 ? TestStatus.FAILED : i == 4 ? TestStatus.FLAKY : TestStatus.PASSED;
        List<TestCaseResult> tests = new ArrayList<>(List.of(
                new TestCaseResult("test_network", "test_stable", null, TestStatus.PASSED, 0.1, null),
                new TestCaseResult(
                        "test_network", "test_net", null, net, 0.2, net == TestStatus.PASSED ? null : "timeout")));
        if (i >= 3) {
            tests.add(new TestCaseResult("test_network", "test_broken", null, TestStatus.FAILED, 0.1, "assert 2 == 3"));
        }
        CoverageResult coverage = new CoverageResult(List.of(new FileCoverage("pkg/a/one.py", 800, 1000, 0, 0)));
        List<Finding> findings = List.of(
                new Finding("flake8", "E501", Severity.LOW, "pkg/a/one.py", 3, "line too long"),
                new Finding("flake8", "E501", Severity.LOW, "pkg/a/two.py", 4, "line too long"),
                new Finding("flake8", "E501", Severity.LOW, "pkg/b/three.py", 5, "line too long"));
        List<ToolOutcome> tools = new ArrayList<>(List.of(
                ToolOutcome.tests(
                        "pytest",
                        ToolCategory.UNIT,
                        tests.stream().anyMatch(TestCaseResult::failing) ? ToolStatus.FAILED : ToolStatus.PASSED,
                        1000,
                        tests,
                        coverage),
                ToolOutcome.findings("flake8", ToolCategory.LINT, 100, findings),
                new ToolOutcome(
                        "lighthouse",
                        ToolCategory.PERFORMANCE,
                        ToolStatus.PASSED,
                        100,
                        null,
                        List.of(),
                        null,
                        List.of(),
                        new PerformanceResult(
                                "http://127.0.0.1/",
                                Map.of("performance", PERFORMANCE[i]),
                                Map.of("largest-contentful-paint", LCP[i], "total-blocking-time", 30.0)),
                        false)));
        if (i == 5) {
            tools.add(ToolOutcome.findings(
                    "pylint",
                    ToolCategory.LINT,
                    100,
                    List.of(new Finding(
                            "pylint",
                            "R0912 too-many-branches",
                            Severity.MEDIUM,
                            "pkg/b/three.py",
                            9,
                            "too many branches"))));
        } else {
            tools.add(ToolOutcome.findings(
                            "pylint",
                            ToolCategory.LINT,
                            100,
                            List.of(new Finding(
                                    "pylint",
                                    "C0114 missing-module-docstring",
                                    Severity.LOW,
                                    "pkg/b/three.py",
                                    1,
                                    "docstring")))
                    .asAdvice("the project configures no Pylint"));
        }
        // the last run starts a few hundred nanoseconds before a second: stored to the microsecond, it rounds up past
        // its own start
        Instant started = T0.plusSeconds(i * 3600L).plusNanos(i == 5 ? 999_999_600 : 0);
        return new QualityRunResult(
                UUID.randomUUID().toString(),
                CLIENT,
                "/workspaces/insights",
                "standard",
                tools.stream().anyMatch(t -> t.status() == ToolStatus.FAILED) ? RunState.FAILED : RunState.PASSED,
                started,
                started.plusSeconds(60),
                tools,
                "judged",
                COMMITS[i],
                "main",
                null,
                null);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + reports.getEnvironment().getProperty("local.server.port") + path);
    }
}
