package io.devopsparadise.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InProcessApps;
import io.devopsparadise.testsupport.InstanceManagerProcess;
import io.devopsparadise.testsupport.RepoPaths;
import io.devopsparadise.testsupport.ServiceProcess;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real repositories end to end: boltons and toolz, cloned from ../shared/corpora with their history, each get a
 * `standard` and a `comprehensive` run through the real instance-manager, orchestrator and report-service on a
 * process instance. Every run is stored with its five reports, and its counts equal those of the same tools run by
 * hand on the same checkout: pytest's own summary line with the project's own test command, flake8's output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealRepositoriesIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> REPORTS =
            List.of("report.html", "report.json", "report.md", "report.sarif", "report.junit.xml");
    private static final Pattern COUNT = Pattern.compile("(\\d+) (passed|failed|error|errors|skipped|xfailed|xpassed)");

    private Path home;
    private Path workspaces;
    private InstanceManagerProcess manager;
    private ServiceProcess orchestrator;
    private ConfigurableApplicationContext reports;

    @BeforeAll
    void start() throws Exception {
        home = Files.createTempDirectory("corpora-home");
        workspaces = Files.createTempDirectory("corpora-workspaces");
        manager = InstanceManagerProcess.start(home, workspaces);
        int reportsPort = ServiceProcess.freePort();
        orchestrator = ServiceProcess.start(
                "quality-orchestrator",
                home,
                "--paradise.quality.instance-manager-url=" + manager.url(""),
                "--paradise.quality.node-modules=" + RepoPaths.nodeModules(),
                "--paradise.quality.report-service-url=http://127.0.0.1:" + reportsPort);
        reports = InProcessApps.builder(ReportServiceApplication.class)
                .run(
                        "--server.port=" + reportsPort,
                        "--spring.main.banner-mode=off",
                        "--paradise.reports.home=" + home,
                        "--paradise.reports.orchestrator-url=" + orchestrator.url(""),
                        "--paradise.reports.instance-manager-url=" + manager.url(""));
    }

    @AfterAll
    void stop() throws Exception {
        reports.close();
        orchestrator.close();
        manager.close();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({
        "boltons, standard,      --doctest-modules boltons tests",
        "boltons, comprehensive, --doctest-modules boltons tests",
        "toolz,   standard,      ''",
        "toolz,   comprehensive, ''"
    })
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aRealRepositorysRunIsStoredWithCountsEqualToTheToolsRunByHand(
            String repository, String profile, String testCommand) throws Exception {
        String client = repository + "-" + profile;
        Path workspace = clone(repository, workspaces.resolve(client));
        provision(client, workspace);

        JsonNode stored = awaitStored(startRun(client, profile));

        ByHand hand = byHand(repository, testCommand);
        int[] pytest = hand.pytest();
        int flake8 = hand.flake8();
        JsonNode summary = stored.path("summary");
        JsonNode pytestTool = tool(stored, "pytest");
        JsonNode flake8Tool = tool(stored, "flake8");
        assertThat(pytestTool.path("tests").asInt())
                .as("pytest's test cases, as pytest by hand counts them")
                .isEqualTo(pytest[0]);
        assertThat(pytestTool.path("failed").asInt()).as("failing tests").isEqualTo(pytest[1]);
        assertThat(summary.path("testsTotal").asInt()).isEqualTo(pytest[0]);
        if (profile.equals("standard")) {
            for (JsonNode linter : List.of(flake8Tool, tool(stored, "pylint"))) {
                assertThat(linter.path("status").asString())
                        .as("standard runs the linters a project configures; neither project configures "
                                + linter.path("tool").asString())
                        .isEqualTo("SKIPPED");
                assertThat(linter.path("detail").asString()).contains("the project does not configure");
            }
            assertThat(summary.path("advisoryFindings").asInt()).isZero();
        } else {
            assertThat(flake8Tool.path("findings").asInt())
                    .as("flake8's findings, as flake8 by hand reports them")
                    .isEqualTo(flake8);
            assertThat(flake8Tool.path("advisory").asBoolean())
                    .as("neither project configures flake8")
                    .isTrue();
            assertThat(tool(stored, "pylint").path("advisory").asBoolean())
                    .as("neither project configures Pylint")
                    .isTrue();
            assertThat(summary.path("advisoryFindings").asInt()).isGreaterThanOrEqualTo(flake8);
        }
        assertThat(summary.path("state").asString()).isEqualTo(pytest[1] == 0 ? "PASSED" : "FAILED");
        Path written = awaitReports(client, summary.path("id").asString());
        for (String file : REPORTS) {
            assertThat(written.resolve(file)).isNotEmptyFile();
        }
        System.out.printf(
                "%s %s: %s in %d ms, %d tests (%d failing), %d judged findings, %d advisory, score %d%n",
                repository,
                profile,
                summary.path("state").asString(),
                summary.path("durationMillis").asLong(),
                pytest[0],
                pytest[1],
                summary.path("findings").valueStream().mapToInt(JsonNode::asInt).sum(),
                summary.path("advisoryFindings").asInt(),
                summary.path("score").asInt());
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void theRunAfterABreakingCommitFailsNamingExactlyWhatItBroke() throws Exception {
        String client = "boltons-change";
        Path workspace = clone("boltons", workspaces.resolve(client));
        provision(client, workspace);
        JsonNode first = awaitStored(startRun(client, "comprehensive"));
        assertThat(first.path("summary").path("state").asString())
                .as("the first run sets the baseline")
                .isEqualTo("PASSED");
        assertThat(first.path("summary").path("baselineRunId").isNull()).isTrue();

        Path module = workspace.resolve("boltons/mathutils.py");
        // two blank lines first, so the one violation is E261 (a comment needs two spaces before it), not E305 as well
        Files.writeString(
                module,
                "\n\n_PARADISE_MARK = 1 # an inline comment flake8 wants two spaces before\n",
                StandardOpenOption.APPEND);
        int violationLine = (int) Files.readAllLines(module).size();
        Files.writeString(
                workspace.resolve("tests/test_mathutils.py"),
                "\n\ndef test_broken_on_purpose():\n    \"\"\"A test this change breaks.\"\"\"\n    raise ValueError('broken on purpose')\n",
                StandardOpenOption.APPEND);
        run(
                workspace,
                "git",
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.com",
                "commit",
                "-qam",
                "a flake8 violation and a broken test");

        JsonNode second = awaitStored(startRun(client, "comprehensive"));
        String id = second.path("summary").path("id").asString();
        JsonNode newFindings = JSON.readTree(Http.get(reports("/api/runs/" + id + "/findings?introduced=true&limit=50"))
                .body());
        JsonNode failures = JSON.readTree(
                Http.get(reports("/api/runs/" + id + "/tests?status=FAILED")).body());
        String markdown = Files.readString(awaitReports(client, id).resolve("report.md"));

        JsonNode summary = second.path("summary");
        assertThat(summary.path("state").asString()).isEqualTo("FAILED");
        assertThat(summary.path("baselineRunId").asString())
                .isEqualTo(first.path("summary").path("id").asString());
        assertThat(summary.path("newFailures").asInt()).isEqualTo(1);
        assertThat(failures.path("items")).hasSize(1);
        assertThat(failures.path("items").get(0).path("test").path("name").asString())
                .isEqualTo("test_broken_on_purpose");
        assertThat(newFindings.path("total").asInt())
                .as("exactly the one new finding: " + newFindings)
                .isEqualTo(1);
        JsonNode introduced = newFindings.path("items").get(0).path("finding");
        assertThat(introduced.path("tool").asString()).isEqualTo("flake8");
        assertThat(introduced.path("rule").asString()).isEqualTo("E261");
        assertThat(introduced.path("file").asString()).endsWith("boltons/mathutils.py");
        assertThat(introduced.path("line").asInt()).isEqualTo(violationLine);
        assertThat(summary.path("verdict").asString())
                .contains("1 new failing test(s)")
                .contains("test_broken_on_purpose")
                .contains("flake8 E261 at")
                .contains("mathutils.py:" + violationLine);
        int total =
                summary.path("findings").valueStream().mapToInt(JsonNode::asInt).sum()
                        + summary.path("advisoryFindings").asInt();
        JsonNode changed = JSON.readTree(
                        Http.get(reports("/api/runs/" + id + "/result")).body())
                .path("changedLinesCoverage");
        assertThat(changed.path("baseCommit").asString())
                .isEqualTo(first.path("summary").path("gitCommit").asString());
        assertThat(changed.path("lines").asInt())
                .as("the new module line and the new test's lines are measured")
                .isGreaterThanOrEqualTo(2);
        assertThat(changed.path("covered").asInt())
                .as("every changed line ran")
                .isEqualTo(changed.path("lines").asInt());
        assertThat(markdown)
                .contains("Changed lines: 100")
                .contains("**new failure** pytest")
                .contains("**new LOW** flake8 `E261`")
                .contains((total - 1) + " existing finding(s) unchanged");
    }

    /** The run's reports are written right after it is stored: wait for all five. */
    private Path awaitReports(String client, String runId) {
        Path dir = home.resolve("reports").resolve(client).resolve(runId);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> REPORTS.stream().allMatch(f -> Files.isRegularFile(dir.resolve(f))));
        return dir;
    }

    private URI reports(String path) {
        return URI.create("http://127.0.0.1:" + reports.getEnvironment().getProperty("local.server.port") + path);
    }

    private Path clone(String repository, Path target) throws Exception {
        Path bundle = RepoPaths.root()
                .resolve("../shared/corpora")
                .resolve(repository + ".bundle")
                .normalize();
        assertThat(bundle).as("the corpus " + repository).exists();
        run(target.getParent(), "git", "clone", "-q", bundle.toString(), target.toString());
        return target;
    }

    private void provision(String client, Path workspace) throws Exception {
        HttpResponse<String> provisioned = Http.send(
                "POST",
                manager.url("/api/instances?waitSeconds=60"),
                "{\"clientId\":\"" + client + "\",\"workspace\":\"" + workspace
                        + "\",\"profile\":\"everything-process\"}");
        assertThat(provisioned.statusCode()).as(provisioned.body()).isEqualTo(201);
    }

    private String startRun(String client, String profile) throws Exception {
        HttpResponse<String> started = Http.send(
                "POST",
                orchestrator.url("/api/runs"),
                "{\"clientId\":\"" + client + "\",\"profile\":\"" + profile + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return JSON.readTree(started.body()).path("id").asString();
    }

    private JsonNode awaitStored(String runId) throws Exception {
        URI run = URI.create(
                "http://127.0.0.1:" + reports.getEnvironment().getProperty("local.server.port") + "/api/runs/" + runId);
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> Http.get(run).statusCode() == 200);
        return JSON.readTree(Http.get(run).body());
    }

    private static JsonNode tool(JsonNode stored, String name) {
        return stored.path("tools")
                .valueStream()
                .filter(t -> t.path("tool").asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no outcome of " + name + " in " + stored.path("tools")));
    }

    /** The project's own test command by hand; answers {test cases, failing} from pytest's summary line. */
    /** What the tools find when run by hand on a fresh clone: once per repository, for both profiles. */
    private record ByHand(int[] pytest, int flake8) {}

    private final Map<String, ByHand> byHand = new ConcurrentHashMap<>();

    private ByHand byHand(String repository, String testCommand) throws Exception {
        ByHand known = byHand.get(repository);
        if (known == null) {
            Path checkout =
                    clone(repository, Files.createTempDirectory("by-hand").resolve(repository));
            known = new ByHand(pytestByHand(checkout, testCommand), flake8ByHand(checkout));
            byHand.put(repository, known);
        }
        return known;
    }

    private static int[] pytestByHand(Path checkout, String testCommand) throws Exception {
        List<String> command =
                new ArrayList<>(List.of("/usr/bin/python3", "-m", "pytest", "-q", "-p", "no:cacheprovider"));
        if (!testCommand.isBlank()) {
            command.addAll(List.of(testCommand.split(" ")));
        }
        String output = run(checkout, command.toArray(String[]::new));
        String summary = output.lines()
                .filter(l -> l.matches(".*\\d+ (passed|failed).* in .*"))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("pytest printed no summary line:\n" + output));
        int total = 0;
        int failing = 0;
        Matcher counts = COUNT.matcher(summary);
        while (counts.find()) {
            int n = Integer.parseInt(counts.group(1));
            total += n;
            failing += counts.group(2).startsWith("failed") || counts.group(2).startsWith("error") ? n : 0;
        }
        return new int[] {total, failing};
    }

    private static int flake8ByHand(Path checkout) throws Exception {
        return (int) run(checkout, "flake8", "--exit-zero", ".")
                .lines()
                .filter(l -> !l.isBlank())
                .count();
    }

    private static String run(Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(4, TimeUnit.MINUTES))
                .as(String.join(" ", command))
                .isTrue();
        return new String(output, StandardCharsets.UTF_8);
    }
}
