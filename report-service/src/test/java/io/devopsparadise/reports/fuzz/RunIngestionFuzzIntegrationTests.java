package io.devopsparadise.reports.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.reports.ReportServiceApplication;
import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InProcessApps;
import io.devopsparadise.testsupport.ServiceProcess;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes the ingestion of runs through POST /api/runs with random and mutated-valid documents: every answer is a 2xx
 * or a 4xx with a problem detail, never a 5xx, and a stored run's every view and report can be read back. A short run
 * by default ({@code fuzz.tries}, 100, fixed {@code fuzz.seed}); bench/fuzz/report-service.sh runs a long one with a
 * fresh seed. Every document that failed is written to target/fuzz-failures/ to be kept in
 * src/test/resources/fuzz-regressions/, whose files are replayed here on every build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class RunIngestionFuzzIntegrationTests {

    private static final Path REGRESSIONS = Path.of("src/test/resources/fuzz-regressions");
    private static final Path FAILURES = Path.of("target/fuzz-failures");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> VIEWS = List.of(
            "",
            "/tests?limit=500",
            "/findings?limit=500",
            "/result",
            "/report.html",
            "/report.json",
            "/report.md",
            "/report.sarif",
            "/report.junit.xml");

    private ConfigurableApplicationContext reports;

    @BeforeAll
    void start() throws Exception {
        Path home = Files.createTempDirectory("fuzz-home");
        int nobody = ServiceProcess.freePort();
        reports = InProcessApps.builder(ReportServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--paradise.reports.home=" + home,
                        "--paradise.reports.orchestrator-url=http://127.0.0.1:" + nobody,
                        "--paradise.reports.instance-manager-url=http://127.0.0.1:" + nobody,
                        "--paradise.reports.max-run-size=8MB");
    }

    @AfterAll
    void stop() {
        reports.close();
    }

    @Test
    void fuzzedRunsAreNeverAnsweredWithA5xx() throws Exception {
        int tries = Integer.getInteger("fuzz.tries", 100);
        long seed = Long.getLong("fuzz.seed", 20261129L);
        RunDocuments documents = new RunDocuments();
        List<String> failures = new ArrayList<>();
        int stored = 0;
        for (int i = 0; i < tries; i++) {
            String document = documents.make(seed + i);
            String failure = failure(document);
            if (failure != null) {
                Files.createDirectories(FAILURES);
                Files.writeString(FAILURES.resolve("seed-" + (seed + i) + ".json"), document);
                failures.add("seed " + (seed + i) + ": " + failure);
            } else if (lastStored) {
                stored++;
            }
        }
        System.out.printf(
                "fuzz: %d documents from seed %d, %d stored, %d failed%n", tries, seed, stored, failures.size());
        assertThat(failures)
                .as("documents kept in " + FAILURES.toAbsolutePath())
                .isEmpty();
        assertThat(stored)
                .as("some mutated runs are valid and stored, so their views are fuzzed too")
                .isPositive();
    }

    static Stream<Path> regressions() throws Exception {
        try (Stream<Path> files = Files.list(REGRESSIONS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("regressions")
    void aKeptFuzzFindingIsAnsweredWithoutA5xx(Path regression) throws Exception {
        assertThat(failure(Files.readString(regression))).isNull();
    }

    private boolean lastStored;

    /** What went wrong with one document, or null when every answer was a 2xx or a 4xx problem. */
    private String failure(String document) throws Exception {
        lastStored = false;
        HttpResponse<String> posted = Http.send("POST", url("/api/runs"), document);
        if (posted.statusCode() >= 500 || posted.statusCode() < 200) {
            return "POST answered " + posted.statusCode() + ": " + posted.body();
        }
        if (posted.statusCode() >= 400) {
            return posted.body().contains("\"detail\"")
                    ? null
                    : "POST answered " + posted.statusCode() + " without a problem detail: " + posted.body();
        }
        String id = JSON.readTree(posted.body()).path("id").asString();
        lastStored = true;
        for (String view : VIEWS) {
            HttpResponse<String> answer = Http.get(url("/api/runs/" + id + view));
            if (answer.statusCode() != 200) {
                return "GET " + view + " answered " + answer.statusCode() + ": " + answer.body();
            }
        }
        JsonNode summary = JSON.readTree(posted.body());
        HttpResponse<String> compared = Http.get(url("/api/compare?base=" + id + "&head=" + id));
        HttpResponse<String> trend = Http.get(url("/api/trends?clientId=fuzz&workspace="
                + java.net.URLEncoder.encode(
                        summary.path("workspace").asString(), java.nio.charset.StandardCharsets.UTF_8)));
        if (compared.statusCode() != 200 || trend.statusCode() != 200) {
            return "compare answered " + compared.statusCode() + ", trends " + trend.statusCode() + ": "
                    + compared.body() + trend.body();
        }
        return null;
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + reports.getEnvironment().getProperty("local.server.port") + path);
    }
}
