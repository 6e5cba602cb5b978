package io.devopsparadise.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.contracts.clients.ClientNames;
import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InProcessApps;
import io.devopsparadise.testsupport.ServiceProcess;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Attacks on the report-service's input, replayed against a real report-service: runs posted with client names and run
 * ids that are path steps, identifiers off their rules in every query, links planted in the reports directory, and
 * requests sized to make it work without end. Each answer must be a 4xx that names the rule, and nothing may be
 * written or read outside the reports directory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ReportInputAttackIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "pdb_admin_token_that_must_never_leak";

    private Path home;
    private Path outside;
    private ConfigurableApplicationContext reports;

    @BeforeAll
    void start() throws Exception {
        home = Files.createTempDirectory("attack-home");
        outside = Files.createTempDirectory("attack-outside");
        int nobody = ServiceProcess.freePort();
        reports = InProcessApps.builder(ReportServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--paradise.reports.home=" + home,
                        "--paradise.reports.orchestrator-url=http://127.0.0.1:" + nobody,
                        "--paradise.reports.instance-manager-url=http://127.0.0.1:" + nobody,
                        "--paradise.reports.max-run-size=1MB");
    }

    @AfterAll
    void stop() {
        reports.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../..", ".", "/tmp/absolute", "a/../../b", "alice/..", "-rf", ""})
    void aRunPostedWithAClientNameThatIsAPathStepIsRefused(String clientId) throws Exception {
        HttpResponse<String> answer = post(run(UUID.randomUUID().toString(), clientId));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains(ClientNames.RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../..", ".", "/tmp/absolute", "a/../../b", "alice/..", "-rf", ""})
    void aRunPostedWithAClientNameThatIsAPathStepWritesNothing(String clientId) throws Exception {
        String runId = UUID.randomUUID().toString();

        post(run(runId, clientId));

        try (Stream<Path> everything = Files.walk(home)) {
            assertThat(everything.filter(p -> p.toString().contains(runId)))
                    .as("nothing is named after the run")
                    .isEmpty();
        }
        assertThat(home.getParent().resolve(runId)).doesNotExist();
        assertThat(Files.exists(Path.of("/tmp/absolute"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "..", "run-0001", "0B6C6D4E-1F1E-4A59-8D0E-5F1F2F3F4F5F", "1-1-1-1-1"})
    void aRunIdThatIsNoUuidIsRefusedWith400OnEveryEndpoint(String badId) throws Exception {
        String id = URLEncoder.encode(badId, StandardCharsets.UTF_8);
        String good = UUID.randomUUID().toString();
        for (String path : List.of(
                "/api/runs/" + id,
                "/api/runs/" + id + "/result",
                "/api/runs/" + id + "/tests",
                "/api/runs/" + id + "/findings",
                "/api/runs/" + id + "/report.md",
                "/api/compare?base=" + id + "&head=" + good,
                "/api/compare?base=" + good + "&head=" + id)) {
            HttpResponse<String> answer = Http.get(url(path));
            assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.body()).as(path).contains("UUID");
        }
        HttpResponse<String> posted = post(run(badId, "alice"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(400);
        assertThat(posted.body()).contains("UUID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "a/b", "%2e%2e", "x%0Ay"})
    void aClientNameOffTheRuleIsRefusedWith400InEveryQuery(String badName) throws Exception {
        for (String path : List.of(
                "/api/runs?clientId=" + badName,
                "/api/trends?workspace=w&clientId=" + badName,
                "/api/baseline?workspace=w&profile=p&previous=true&clientId=" + badName,
                "/api/storage-failures?clientId=" + badName)) {
            HttpResponse<String> answer = Http.get(url(path));
            assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.body()).as(path).contains(ClientNames.RULE);
        }
    }

    @Test
    void aSymlinkedClientDirectoryNeverRedirectsTheReports() throws Exception {
        Path elsewhere = Files.createDirectory(outside.resolve("mallory-target"));
        Files.createDirectories(home.resolve("reports"));
        Files.createSymbolicLink(home.resolve("reports/mallory"), elsewhere);
        String runId = UUID.randomUUID().toString();

        HttpResponse<String> answer = post(run(runId, "mallory"));

        assertThat(answer.statusCode()).as(answer.body()).isNotIn(200, 201).isNotEqualTo(500);
        assertThat(answer.body()).contains("link");
        try (Stream<Path> written = Files.list(elsewhere)) {
            assertThat(written).as("nothing written through the link").isEmpty();
        }
        assertThat(Http.get(url("/api/runs/" + runId)).statusCode())
                .as("a run is never stored without its reports")
                .isEqualTo(404);
    }

    @Test
    void aTemporaryFileLinkPlantedInARunsDirectoryNeverRedirectsAWrite() throws Exception {
        String runId = UUID.randomUUID().toString();
        Path victim = Files.writeString(outside.resolve("victim.txt"), "precious");
        Path dir = Files.createDirectories(home.resolve("reports/carol").resolve(runId));
        for (String report : List.of("report.html", "report.md", "report.json", "report.sarif", "report.junit.xml")) {
            Files.createSymbolicLink(dir.resolve(report + ".tmp"), victim);
        }

        HttpResponse<String> answer = post(run(runId, "carol"));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(dir.resolve("report.html")).isRegularFile().content().contains("<html");
        assertThat(Files.isSymbolicLink(dir.resolve("report.html"))).isFalse();
    }

    @Test
    void aReportSymlinkedOrHardLinkedToASecretIsNeverServed() throws Exception {
        String runId = UUID.randomUUID().toString();
        Path secret = Files.writeString(outside.resolve("admin-token"), SECRET);
        assertThat(post(run(runId, "dave")).statusCode()).isEqualTo(201);
        Path dir = home.resolve("reports/dave").resolve(runId);
        Files.delete(dir.resolve("report.md"));
        Files.createSymbolicLink(dir.resolve("report.md"), secret);
        Files.delete(dir.resolve("report.json"));
        Files.createLink(dir.resolve("report.json"), secret);

        HttpResponse<String> markdown = Http.get(url("/api/runs/" + runId + "/report.md"));
        HttpResponse<String> json = Http.get(url("/api/runs/" + runId + "/report.json"));

        assertThat(markdown.statusCode()).isEqualTo(200);
        assertThat(markdown.body()).doesNotContain(SECRET).contains("quality run");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).doesNotContain(SECRET).contains(runId);
    }

    @Test
    void aSymlinkedRunDirectoryIsNeverReadThrough() throws Exception {
        String runId = UUID.randomUUID().toString();
        assertThat(post(run(runId, "erin")).statusCode()).isEqualTo(201);
        Path dir = home.resolve("reports/erin").resolve(runId);
        Path fake = Files.createDirectory(outside.resolve("fake-" + runId));
        Files.writeString(fake.resolve("report.md"), SECRET);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
        Files.createSymbolicLink(dir, fake);

        HttpResponse<String> markdown = Http.get(url("/api/runs/" + runId + "/report.md"));

        assertThat(markdown.statusCode()).isEqualTo(200);
        assertThat(markdown.body()).doesNotContain(SECRET).contains("quality run");
    }

    @Test
    void aPostedRunLargerThanTheLimitIsRefusedWith413() throws Exception {
        ObjectNode run = run(UUID.randomUUID().toString(), "frank");
        run.put("verdict", "x".repeat(2 * 1024 * 1024));

        HttpResponse<String> answer = post(run);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.body()).contains("paradise.reports.max-run-size");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/runs?limit=501",
                "/api/runs?limit=0",
                "/api/runs?offset=-1",
                "/api/runs?offset=2000000",
                "/api/runs?limit=99999999999",
                "/api/storage-failures?limit=100000",
                "/api/trends?clientId=alice&workspace=w&limit=100000"
            })
    void aPageSizeOrOffsetOutOfRangeIsRefusedWith400(String path) throws Exception {
        HttpResponse<String> answer = Http.get(url(path));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).containsAnyOf("between", "cannot be");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/runs/%s/tests?limit=501",
                "/api/runs/%s/findings?offset=2000000",
                "/api/runs/%s/tests?offset=-5"
            })
    void aRunsItemsPagedOutOfRangeAreRefusedWith400(String path) throws Exception {
        String runId = UUID.randomUUID().toString();
        assertThat(post(run(runId, "grace")).statusCode()).isEqualTo(201);

        HttpResponse<String> answer = Http.get(url(path.formatted(runId)));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("between");
    }

    static ObjectNode run(String id, String clientId) throws Exception {
        try (InputStream in = ReportInputAttackIntegrationTests.class.getResourceAsStream("/runs/current.json")) {
            ObjectNode run = (ObjectNode) JSON.readTree(in);
            run.put("id", id);
            run.put("clientId", clientId);
            return run;
        }
    }

    private HttpResponse<String> post(ObjectNode run) throws Exception {
        return Http.send("POST", url("/api/runs"), JSON.writeValueAsString(run));
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + reports.getEnvironment().getProperty("local.server.port") + path);
    }
}
