package io.devopsparadise.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.RunState;
import io.devopsparadise.contracts.quality.Severity;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.TestStatus;
import io.devopsparadise.contracts.quality.ToolCategory;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.quality.ToolStatus;
import io.devopsparadise.reports.analysis.Comparisons;
import io.devopsparadise.reports.analysis.RunComparison;
import io.devopsparadise.reports.feed.RunIngestion;
import io.devopsparadise.reports.runs.RunStore;
import io.devopsparadise.reports.runs.StoredRun;
import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InProcessApps;
import io.devopsparadise.testsupport.ServiceProcess;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Comparing two large stored runs reads their rows of tests and findings, never their whole results, and answers the
 * same as comparing the results in memory, with each list bounded. Prints what each way allocates and holds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LargeRunComparisonIntegrationTests {

    private static final int TESTS = 20_000;
    private static final int FINDINGS = 20_000;

    private ConfigurableApplicationContext reports;
    private String base;
    private String head;

    @BeforeAll
    void start() throws Exception {
        Path home = Files.createTempDirectory("large-home");
        int nobody = ServiceProcess.freePort();
        reports = InProcessApps.builder(ReportServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--paradise.reports.home=" + home,
                        "--paradise.reports.orchestrator-url=http://127.0.0.1:" + nobody,
                        "--paradise.reports.instance-manager-url=http://127.0.0.1:" + nobody);
        RunIngestion ingestion = reports.getBean(RunIngestion.class);
        base = ingestion
                .ingest(largeRun(0, Instant.parse("2026-01-01T00:00:00Z")))
                .orElseThrow()
                .summary()
                .id();
        head = ingestion
                .ingest(largeRun(1, Instant.parse("2026-01-02T00:00:00Z")))
                .orElseThrow()
                .summary()
                .id();
    }

    @AfterAll
    void stop() {
        reports.close();
    }

    /** Every 7th test fails in the base, every 5th in the head; every 3rd finding of the base is gone from the head. */
    private static QualityRunResult largeRun(int generation, Instant started) {
        List<TestCaseResult> tests = new ArrayList<>();
        for (int i = 0; i < TESTS; i++) {
            boolean failing = generation == 0 ? i % 7 == 0 : i % 5 == 0;
            tests.add(new TestCaseResult(
                    "suite_" + i / 100,
                    "test_" + i,
                    "tests/test_" + i / 100 + ".py",
                    failing ? TestStatus.FAILED : TestStatus.PASSED,
                    0.01,
                    failing ? "AssertionError: " + "x".repeat(200) + i : null));
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < FINDINGS; i++) {
            if (generation == 1 && i % 3 == 0) {
                findings.add(new Finding(
                        "flake8",
                        "E501",
                        Severity.LOW,
                        "src/new_" + i + ".py",
                        i,
                        "line too long " + "y".repeat(150),
                        "n" + i,
                        true));
            } else {
                findings.add(new Finding(
                        "flake8",
                        "E501",
                        Severity.LOW,
                        "src/m_" + i / 50 + ".py",
                        i % 50 + 1,
                        "line too long " + "y".repeat(150),
                        "f" + i,
                        generation == 1 ? false : null));
            }
        }
        return new QualityRunResult(
                UUID.randomUUID().toString(),
                "big",
                "/w/big",
                "comprehensive",
                RunState.FAILED,
                started,
                started.plusSeconds(60),
                List.of(
                        ToolOutcome.tests("pytest", ToolCategory.UNIT, ToolStatus.FAILED, 1000, tests, null),
                        ToolOutcome.findings("flake8", ToolCategory.LINT, 1000, findings)),
                "big run",
                null,
                "main",
                null,
                null);
    }

    @Test
    void comparingLargeStoredRunsFromTheirRowsAnswersAsFromTheirResults() throws Exception {
        RunStore store = reports.getBean(RunStore.class);
        Comparisons comparisons = reports.getBean(Comparisons.class);

        Measured<RunComparison> fromRows = measure(() -> comparisons.compare(
                store.overview(base).orElseThrow().summary(),
                store.overview(head).orElseThrow().summary()));
        Measured<RunComparison> fromResults = measure(() -> RunComparison.of(
                store.find(base).orElseThrow(), store.find(head).orElseThrow()));
        long held = held(
                () -> List.of(store.find(base).orElseThrow(), store.find(head).orElseThrow()));

        System.out.printf(
                "compare of two runs of %d tests and %d findings: from rows %d ms, %d MB allocated;"
                        + " from whole results %d ms, %d MB allocated, the two results alone hold %d MB%n",
                TESTS,
                FINDINGS,
                fromRows.millis,
                fromRows.allocated >> 20,
                fromResults.millis,
                fromResults.allocated >> 20,
                held >> 20);
        RunComparison expected = fromResults.value;
        RunComparison actual = fromRows.value;
        assertThat(actual.totals()).isEqualTo(expected.totals());
        assertThat(actual.totals().newFailures()).isEqualTo(TESTS / 5 - TESTS / 35 - 1);
        assertThat(actual.totals().newFindings())
                .isEqualTo(actual.totals().fixedFindings())
                .isEqualTo((FINDINGS + 2) / 3);
        assertThat(actual.newFailures()).hasSize(RunComparison.LISTED).isEqualTo(expected.newFailures());
        assertThat(actual.fixedFailures())
                .extracting(TestCaseResult::name)
                .isEqualTo(expected.fixedFailures().stream()
                        .map(TestCaseResult::name)
                        .toList());
        assertThat(actual.newFindings())
                .hasSize(RunComparison.LISTED)
                .extracting(Finding::file)
                .isEqualTo(expected.newFindings().stream().map(Finding::file).toList());
        assertThat(actual.fixedFindings())
                .extracting(Finding::fingerprint)
                .isEqualTo(expected.fixedFindings().stream()
                        .map(Finding::fingerprint)
                        .toList());
        assertThat(actual.coverageDelta()).isEqualTo(expected.coverageDelta());
        assertThat(actual.scoreDelta()).isEqualTo(expected.scoreDelta());

        JsonNode answer = JsonMapper.builder()
                .build()
                .readTree(Http.get(url("/api/compare?base=" + base + "&head=" + head))
                        .body());
        assertThat(answer.path("newFindings")).hasSize(RunComparison.LISTED);
        assertThat(answer.path("totals").path("newFindings").asInt())
                .isEqualTo(actual.totals().newFindings());
    }

    private static <T> Measured<T> measure(Supplier<T> work) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        T value = work.get();
        return new Measured<>(
                value, (System.nanoTime() - start) / 1_000_000, threads.getCurrentThreadAllocatedBytes() - before);
    }

    /** The heap what the supplier returns keeps alive (after collections; an estimate). */
    private static long held(Supplier<List<StoredRun>> work) throws InterruptedException {
        long before = usedAfterGc();
        List<StoredRun> kept = work.get();
        long after = usedAfterGc();
        assertThat(kept).hasSize(2);
        return after - before;
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + reports.getEnvironment().getProperty("local.server.port") + path);
    }

    private record Measured<T>(T value, long millis, long allocated) {}
}
