package io.devopsparadise.quality.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.quality.QualityOrchestratorApplication;
import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InProcessApps;
import io.devopsparadise.testsupport.InstanceManagerProcess;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
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
 * Code in a workspace is untrusted: it can replace the reports its tools write, or the directories they go into, by
 * links to the platform's files. Real runs through a real instance-manager (process engine) show that such a report is
 * neither read nor written through, and that the admin token never comes back in an answer, a file or a log line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// it reads its orchestrator's log file, and logging is one per JVM: no other class may start a service meanwhile
@org.junit.jupiter.api.parallel.Isolated
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ReportAttacksIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOKEN =
            "dpb_admin_" + UUID.randomUUID().toString().replace("-", "");

    private InstanceManagerProcess manager;
    private ConfigurableApplicationContext orchestrator;
    private Path home;
    private Path adminToken;
    private Path workspaces;
    private List<String> events;

    @BeforeAll
    void start() throws Exception {
        home = Files.createTempDirectory("attacks-home");
        adminToken = Files.writeString(home.resolve("admin-token"), TOKEN + "\n");
        Files.setPosixFilePermissions(adminToken, PosixFilePermissions.fromString("rw-------"));
        workspaces = Files.createTempDirectory("attacks-workspaces");
        manager = InstanceManagerProcess.start(Files.createDirectories(home.resolve("manager")), workspaces);
        orchestrator = InProcessApps.builder(QualityOrchestratorApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--paradise.quality.home=" + home,
                        "--paradise.quality.instance-manager-url=" + manager.url(""),
                        "--paradise.quality.parallel-tools=1",
                        "--paradise.quality.max-report-size=1MB",
                        "--logging.file.name=" + home.resolve("logs/quality-orchestrator.log"),
                        "--paradise.quality.profiles.linters.categories=unit,lint");
        events = Http.followEvents(url("/api/runs/events"));
    }

    @AfterAll
    void stop() throws Exception {
        orchestrator.close();
        manager.close();
    }

    @Test
    void aReportSymlinkedToTheAdminTokenNeverLeaksIt() throws Exception {
        // pytest's reports replaced, once pytest wrote them, by links: to the admin token itself, and to a host file
        // that
        // happens to be JUnit-shaped and holds the token (any file of the host the platform's user can read)
        Path hostFile = Files.writeString(
                home.resolve("host-file.xml"),
                "<testsuite><testcase classname=\"leak\" name=\"" + TOKEN + "\"/></testsuite>");
        workspace("token", linkingReports(adminToken, adminToken));
        workspace("hostfile", linkingReports(hostFile, null));

        JsonNode token = OrchestratorRuns.runToTheEnd(url(""), "token", "quick");
        JsonNode host = OrchestratorRuns.runToTheEnd(url(""), "hostfile", "quick");

        for (JsonNode run : List.of(token, host)) {
            String id = run.path("id").asString();
            for (String path : List.of(
                    "/api/runs",
                    "/api/runs?clientId=" + run.path("clientId").asString(),
                    "/api/runs/" + id,
                    "/api/runs/" + id + "/summary")) {
                assertThat(Http.get(url(path)).body()).as(path).doesNotContain(TOKEN);
            }
        }
        assertThat(events).isNotEmpty().noneSatisfy(line -> assertThat(line).contains(TOKEN));
        assertThat(Leaks.filesHolding(TOKEN, home, Set.of(adminToken, hostFile)))
                .as("files of the data directory and logs")
                .isEmpty();
        assertThat(Files.readString(home.resolve("logs/quality-orchestrator.log")))
                .doesNotContain(TOKEN);
        for (JsonNode run : List.of(token, host)) {
            JsonNode pytest = OrchestratorRuns.tool(run, "pytest");
            assertThat(pytest.path("status").asString()).isEqualTo("ERROR");
            assertThat(pytest.path("detail").asString())
                    .isEqualTo("report pytest-junit.xml is a symbolic link; not followed, not read");
        }
        assertThat(Files.readString(adminToken)).isEqualTo(TOKEN + "\n");
    }

    /** A conftest.py that replaces pytest's JUnit report, and its coverage report unless null, by links once pytest wrote them. */
    private static String linkingReports(Path junitTarget, Path coverageTarget) {
        return """
                import os

                def pytest_unconfigure(config):
                    junit = config.option.xmlpath
                    os.remove(junit)
                    os.symlink(%s, junit)
                    coverage = os.path.join(os.path.dirname(junit), "pytest-coverage.xml")
                    if %s and os.path.exists(coverage):
                        os.remove(coverage)
                        os.symlink(%s, coverage)
                """.formatted(
                        quoted(junitTarget),
                        coverageTarget != null ? "True" : "False",
                        coverageTarget != null ? quoted(coverageTarget) : "None");
    }

    @Test
    void aReportWrittenThroughASymlinkLeavesItsTargetUnchanged() throws Exception {
        Path precious = Files.writeString(home.resolve("precious.txt"), "the operator's file\n");
        // pytest runs before shellcheck (one tool at a time): it plants the links shellcheck's report would be written
        // through
        Path workspace = workspace("overwrite", """
                import os

                def pytest_configure(config):
                    reports = os.path.dirname(config.option.xmlpath)
                    for name in ("shellcheck.json", "npm-audit.json"):
                        os.symlink(%s, os.path.join(reports, name))
                """.formatted(quoted(precious)));
        Files.writeString(workspace.resolve("deploy.sh"), "#!/bin/sh\nrm -rf $1/*\n");

        JsonNode run = OrchestratorRuns.runToTheEnd(url(""), "overwrite", "linters");

        assertThat(Files.readString(precious)).isEqualTo("the operator's file\n");
        JsonNode shellcheck = OrchestratorRuns.tool(run, "shellcheck");
        assertThat(shellcheck.path("status").asString())
                .as(shellcheck.toString())
                .isEqualTo("PASSED");
        assertThat(shellcheck.path("findings")).isNotEmpty();
        assertThat(Files.isSymbolicLink(reportDir(workspace, run).resolve("shellcheck.json")))
                .as("the link is left alone")
                .isTrue();
    }

    @Test
    void aReportDirectoryLinkedOutOfTheWorkspaceIsNeverWrittenThrough() throws Exception {
        Path elsewhere = Files.createDirectories(home.resolve("elsewhere"));
        Path workspace = workspace("redirect", "");
        Files.createSymbolicLink(workspace.resolve(".paradise"), elsewhere);

        JsonNode run = OrchestratorRuns.runToTheEnd(url(""), "redirect", "quick");

        assertThat(run.path("state").asString()).isEqualTo("ERROR");
        assertThat(run.path("verdict").asString()).contains(".paradise is a symbolic link; not followed");
        try (var files = Files.list(elsewhere)) {
            assertThat(files.toList()).as("nothing created through the link").isEmpty();
        }
    }

    @Test
    void anOversizedReportIsRefusedNamingTheSetting() throws Exception {
        Path workspace = workspace("oversized", """
                def pytest_unconfigure(config):
                    with open(config.option.xmlpath, "a") as junit:
                        junit.write("<!--" + "x" * (2 * 1024 * 1024) + "-->")
                """);

        JsonNode run = OrchestratorRuns.runToTheEnd(url(""), "oversized", "quick");

        JsonNode pytest = OrchestratorRuns.tool(run, "pytest");
        assertThat(pytest.path("status").asString()).isEqualTo("ERROR");
        assertThat(pytest.path("detail").asString())
                .isEqualTo(
                        "report pytest-junit.xml is larger than 1048576 bytes, the limit "
                                + "paradise.quality.max-report-size sets; not read (raise the setting if such a report is expected)");
        assertThat(workspace).exists();
    }

    /** A workspace with one passing test and the given conftest.py, with an instance for the client of that name. */
    private Path workspace(String client, String conftest) throws Exception {
        Path workspace = Files.createDirectories(workspaces.resolve(client));
        Files.writeString(workspace.resolve("calc.py"), "def add(a, b):\n    return a + b\n");
        Files.writeString(
                workspace.resolve("test_calc.py"),
                "from calc import add\n\n\ndef test_add():\n    assert add(2, 3) == 5\n");
        if (!conftest.isEmpty()) {
            Files.writeString(workspace.resolve("conftest.py"), conftest);
        }
        Files.setPosixFilePermissions(workspace, PosixFilePermissions.fromString("rwxr-xr-x"));
        HttpResponse<String> provisioned = Http.send(
                "POST",
                manager.url("/api/instances?waitSeconds=60"),
                "{\"clientId\":\"" + client + "\",\"workspace\":\"" + workspace
                        + "\",\"profile\":\"everything-process\"}");
        assertThat(provisioned.statusCode()).as(provisioned.body()).isEqualTo(201);
        return workspace;
    }

    private static Path reportDir(Path workspace, JsonNode run) {
        return workspace.resolve(".paradise/reports").resolve(run.path("id").asString());
    }

    private static String quoted(Path path) {
        return "\"" + path + "\"";
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + orchestrator.getEnvironment().getProperty("local.server.port") + path);
    }
}
