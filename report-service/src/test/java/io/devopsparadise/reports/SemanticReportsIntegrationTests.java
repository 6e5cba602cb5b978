package io.devopsparadise.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.devopsparadise.testsupport.Fixtures;
import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InstanceManagerProcess;
import io.devopsparadise.testsupport.ServiceProcess;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12's end-to-end check: a quality run on a workspace with a planted type error produces a finding with file
 * and line in all five report formats. Real services from their jars: the instance-manager runs the client's code
 * backend (profile {@code code-process}: lsmcp with pyright), the orchestrator runs a profile with the {@code semantic}
 * category against it, and the report-service picks the run up and serves its reports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SemanticReportsIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PLANTED = "double(\"a\")";
    private static final String MESSAGE = "cannot be assigned to parameter \"x\" of type \"int\"";

    // static: JUnit injects instance @TempDir fields only after @BeforeAll; the services' logs stay when a test fails
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path home;

    @TempDir
    static Path workspaces;

    private InstanceManagerProcess manager;
    private ServiceProcess orchestrator;
    private ServiceProcess reports;
    private int plantedLine;
    private String runId;

    @BeforeAll
    void runOnAWorkspaceWithAPlantedTypeError() throws Exception {
        Path workspace = Fixtures.copy(
                Path.of("src/test/resources/fixtures/typed-project").toAbsolutePath(), workspaces.resolve("shop"));
        Files.setPosixFilePermissions(workspace, PosixFilePermissions.fromString("rwxr-xr-x"));
        plantedLine = lineOf(workspace.resolve("checkout.py"), PLANTED);
        git(workspace, "init", "-q", "-b", "main");
        git(workspace, "add", ".");
        git(workspace, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "shop");
        // the uncommitted change the run describes: total()'s body
        Files.writeString(
                workspace.resolve("pricing.py"),
                Files.readString(workspace.resolve("pricing.py")).replace("+ 1", "+ 2"));
        // a profile of the semantic step alone, in the orchestrator's profiles file
        Files.writeString(
                home.resolve("quality-profiles.yml"),
                "paradise:\n  quality:\n    profiles:\n      types:\n        categories: [semantic]\n");

        manager = InstanceManagerProcess.start(Files.createDirectories(home.resolve("manager")), workspaces);
        orchestrator = ServiceProcess.start(
                "quality-orchestrator", home, "--paradise.quality.instance-manager-url=" + manager.url(""));
        reports = ServiceProcess.start(
                "report-service",
                home,
                "--paradise.reports.home=" + home,
                "--paradise.reports.orchestrator-url=" + orchestrator.url(""),
                "--paradise.reports.instance-manager-url=" + manager.url(""));
        HttpResponse<String> provisioned = Http.send(
                "POST",
                manager.url("/api/instances?waitSeconds=240"),
                "{\"clientId\":\"carol\",\"workspace\":\"" + workspace + "\",\"profile\":\"code-process\"}");
        assertThat(provisioned.statusCode()).as(provisioned.body()).isEqualTo(201);
        assertThat(JSON.readTree(provisioned.body()).path("state").asString()).isEqualTo("HEALTHY");

        HttpResponse<String> started =
                Http.send("POST", orchestrator.url("/api/runs"), "{\"clientId\":\"carol\",\"profile\":\"types\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        runId = JSON.readTree(started.body()).path("id").asString();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Http.get(reports.url("/api/runs/" + runId)).statusCode() == 200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.get(reports.url("/api/runs/" + runId + "/report.junit.xml"))
                                .statusCode()
                        == 200);
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable service : new AutoCloseable[] {reports, orchestrator, manager}) {
            if (service != null) {
                service.close();
            }
        }
    }

    private String served(String file) throws Exception {
        HttpResponse<String> report = Http.get(reports.url("/api/runs/" + runId + "/" + file));
        assertThat(report.statusCode()).as(file + ": " + report.body()).isEqualTo(200);
        return report.body();
    }

    @Test
    void theJsonReportLocatesTheFinding() throws Exception {
        JsonNode report = JSON.readTree(served("report.json"));

        JsonNode semantic = tool(report.path("tools"), "semantic");
        assertThat(semantic.path("status").asString()).as(semantic.toString()).isEqualTo("PASSED");
        assertThat(semantic.path("findings"))
                .as(semantic.toString())
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.path("file").asString()).isEqualTo("checkout.py");
                    assertThat(finding.path("line").asInt()).isEqualTo(plantedLine);
                    assertThat(finding.path("column").asInt()).isPositive();
                    assertThat(finding.path("rule").asString()).isEqualTo("pyright");
                    assertThat(finding.path("severity").asString()).isEqualTo("MEDIUM");
                    assertThat(finding.path("message").asString()).contains(MESSAGE);
                });
    }

    @Test
    void theJsonReportDescribesTheChangedCode() throws Exception {
        JsonNode report = JSON.readTree(served("report.json"));

        assertThat(report.path("semantic").path("backend").asString()).isEqualTo("lsmcp");
        assertThat(report.path("semantic")
                        .path("changedSymbols")
                        .valueStream()
                        .map(s -> s.path("name").asString())
                        .toList())
                .containsExactly("total");
        assertThat(report.path("semantic")
                        .path("overview")
                        .valueStream()
                        .map(f -> f.path("file").asString())
                        .toList())
                .containsExactly("pricing.py", "checkout.py");
    }

    @Test
    void theSarifReportLocatesTheFinding() throws Exception {
        JsonNode sarif = JSON.readTree(served("report.sarif"));

        JsonNode run = sarif.path("runs")
                .valueStream()
                .filter(r ->
                        r.path("tool").path("driver").path("name").asString().equals("semantic"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no semantic run in " + sarif));
        assertThat(run.path("results")).singleElement().satisfies(result -> {
            JsonNode location = result.path("locations").get(0).path("physicalLocation");
            assertThat(location.path("artifactLocation").path("uri").asString()).isEqualTo("checkout.py");
            assertThat(location.path("region").path("startLine").asInt()).isEqualTo(plantedLine);
            assertThat(location.path("region").path("startColumn").asInt()).isPositive();
            assertThat(result.path("ruleId").asString()).isEqualTo("pyright");
            assertThat(result.path("message").path("text").asString()).contains(MESSAGE);
        });
    }

    @Test
    void theJunitReportHasTheFindingAsAFailingCase() throws Exception {
        Document junit = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new InputSource(new StringReader(served("report.junit.xml"))));

        org.w3c.dom.Element testCase = (org.w3c.dom.Element) XPathFactory.newInstance()
                .newXPath()
                .evaluate("//testsuite[@name='semantic']/testcase", junit, XPathConstants.NODE);
        assertThat(testCase).as("a failing case in the semantic suite").isNotNull();
        assertThat(testCase.getAttribute("file")).isEqualTo("checkout.py");
        assertThat(testCase.getAttribute("name")).startsWith("pyright " + plantedLine + ":");
        assertThat(testCase.getElementsByTagName("failure").item(0).getTextContent())
                .startsWith("MEDIUM: ")
                .contains(MESSAGE);
    }

    @Test
    void theHtmlReportListsTheFinding() throws Exception {
        org.jsoup.nodes.Document html = Jsoup.parse(served("report.html"));

        Element row = html.select("#findings tr").stream()
                .filter(tr -> tr.select("td").size() == 5
                        && tr.select("td").get(1).text().equals("semantic"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(html.select("#findings").outerHtml()));
        assertThat(row.select("td").get(3).text()).isEqualTo("checkout.py:" + plantedLine);
        assertThat(row.select("td").get(4).text()).contains(MESSAGE);
    }

    @Test
    void theHtmlReportListsTheCode() throws Exception {
        org.jsoup.nodes.Document html = Jsoup.parse(served("report.html"));

        assertThat(html.select("#changed-symbols").text()).contains("total").contains("pricing.py");
        assertThat(html.select("#overview").text()).contains("price_of_two").contains("double");
    }

    @Test
    void theMarkdownReportListsTheFinding() throws Exception {
        String markdown = served("report.md");

        assertThat(markdown.lines()
                        .filter(l -> l.contains("`checkout.py:" + plantedLine + "`"))
                        .toList())
                .as(markdown)
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("- **MEDIUM** semantic `pyright` ")
                        .contains(MESSAGE));
    }

    @Test
    void theMarkdownReportListsTheCode() throws Exception {
        String markdown = served("report.md");

        assertThat(markdown)
                .contains("### Code")
                .contains("- `total` (function) `pricing.py:8-9`: 1 changed line(s)")
                .contains("- `checkout.py`: `price_of_two` (function)");
    }

    private static JsonNode tool(JsonNode tools, String name) {
        return tools.valueStream()
                .filter(t -> t.path("tool").asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " tool in " + tools));
    }

    private static int lineOf(Path file, String text) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }

    private static void git(Path workspace, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        assertThat(new ProcessBuilder(command)
                        .directory(workspace.toFile())
                        .inheritIO()
                        .start()
                        .waitFor())
                .as(command.toString())
                .isZero();
    }
}
