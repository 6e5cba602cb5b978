package io.devopsparadise.quality.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.quality.LocalOrchestrator;
import io.devopsparadise.testsupport.Corpora;
import io.devopsparadise.testsupport.Http;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The insights API of the real service on a real repository: boltons, cloned as a client's workspace, served by a process
 * instance of the real instance-manager (flake8's mccabe runs inside it). Figures are checked against git and flake8 run
 * by hand; bad requests get a status and a message saying what to fix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class InsightsApiIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LocalOrchestrator orchestrator;
    private GitRepo boltons;

    @BeforeAll
    void start() throws Exception {
        Path workspaces = Files.createTempDirectory("insights-workspaces");
        orchestrator = LocalOrchestrator.start(workspaces);
        boltons = GitRepo.open(Corpora.clone("boltons", workspaces.resolve("boltons")));
        Path plain = Files.createDirectories(workspaces.resolve("plain"));
        Files.writeString(plain.resolve("app.py"), "print('no history')\n");
        orchestrator.provision("insights", boltons.root());
        orchestrator.provision("no-git", plain);
    }

    @AfterAll
    void stop() throws Exception {
        orchestrator.close();
    }

    @Test
    void theTopHotspotIsMeasuredAsTheToolsMeasureItByHand() throws Exception {
        JsonNode answer = ok("/api/insights/hotspots?clientId=insights&limit=3");

        assertThat(answer.path("hotspots")).hasSize(3);
        assertThat(answer.path("coverageRun").isNull())
                .as("no report-service: no coverage")
                .isTrue();
        JsonNode top = answer.path("hotspots").get(0);
        String file = top.path("file").asString();
        long newest = Long.parseLong(
                boltons.git(Map.of(), "log", "-1", "--format=%ct").strip());
        long commits = boltons.git(
                        Map.of(),
                        "log",
                        "--no-merges",
                        "--format=%H",
                        "--since=@" + (newest - answer.path("windowDays").asLong() * 86400),
                        "HEAD",
                        "--",
                        file)
                .lines()
                .count();
        assertThat(top.path("commits").asLong()).as(file).isEqualTo(commits).isPositive();
        int byHand = flake8Complexity(file);
        assertThat(top.path("complexity").asInt()).isEqualTo(byHand);
        assertThat(top.path("score").asDouble())
                .isBetween(0.0, 1.0)
                .isGreaterThanOrEqualTo(
                        answer.path("hotspots").get(1).path("score").asDouble());
    }

    @Test
    void aBigSpreadEditIsRiskierThanAOneLineEdit() throws Exception {
        // the platform's own reports in the workspace are no change of the developer's
        Files.createDirectories(boltons.root().resolve(".paradise/reports/run"));
        Files.writeString(
                boltons.root().resolve(".paradise/reports/run/pytest-junit.xml"), GitRepo.lines("<testcase/>", 500));
        JsonNode clean = ok("/api/insights/change-risk?clientId=insights");
        assertThat(clean.path("change").asString()).isEqualTo("working tree");
        assertThat(clean.path("files").asInt()).isZero();
        assertThat(clean.path("method").asString()).startsWith("logistic regression");

        Path strutils = boltons.root().resolve("boltons/strutils.py");
        String original = Files.readString(strutils);
        try {
            Files.writeString(strutils, original.replaceFirst("\n", "\n# one line\n"));
            JsonNode small = ok("/api/insights/change-risk?clientId=insights");
            Files.writeString(
                    strutils,
                    original + GitRepo.lines("LIMIT_", 150).replace(" ", "").replaceAll("(LIMIT_\\d+)", "$1 = 1"));
            Files.writeString(
                    boltons.root().resolve("boltons/iterutils.py"),
                    GitRepo.lines("X_", 150).replaceAll("(X_\\d+)", "$1 = 2"),
                    java.nio.file.StandardOpenOption.APPEND);
            JsonNode big = ok("/api/insights/change-risk?clientId=insights");

            assertThat(small.path("files").asInt()).isEqualTo(1);
            assertThat(big.path("linesAdded").asInt()).isEqualTo(300);
            assertThat(big.path("risk").asDouble())
                    .isGreaterThan(small.path("risk").asDouble());
            assertThat(big.path("percentile").asDouble())
                    .isGreaterThan(small.path("percentile").asDouble());
            assertThat(big.path("factors")).hasSize(5);
            assertThat(big.path("factors").toString()).contains("\"feature\":\"LINES_ADDED\"");
        } finally {
            Files.writeString(strutils, original);
            boltons.git(Map.of(), "checkout", "-q", "--", "boltons/iterutils.py");
        }
    }

    @Test
    void aRangeIsOneChangeWithTheFilesGitDiffNames() throws Exception {
        JsonNode range = ok("/api/insights/change-risk?clientId=insights&from=HEAD~5");
        long files = boltons.git(Map.of(), "diff", "--name-only", "HEAD~5", "HEAD")
                .lines()
                .count();

        assertThat(range.path("files").asLong()).isEqualTo(files);
        assertThat(range.path("change").asString()).matches("[0-9a-f]{40}\\.\\.[0-9a-f]{40}");
        JsonNode commit = ok("/api/insights/change-risk?clientId=insights&commit=HEAD~1");
        assertThat(commit.path("change").asString())
                .isEqualTo(boltons.git(Map.of(), "rev-parse", "HEAD~1").strip());
    }

    @Test
    void withoutStoredRunsRecommendationsOnlyNameTheMissingInputs() throws Exception {
        JsonNode answer = ok("/api/insights/recommendations?clientId=insights");

        assertThat(answer.path("recommendations")).isEmpty();
        assertThat(answer.path("missing").toString())
                .contains("no stored run")
                .contains("flaky tests and recurring rules are not known");
    }

    @Test
    void badRequestsSayWhatToFix() throws Exception {
        assertProblem(
                "/api/insights/change-risk?clientId=insights&commit=HEAD&from=HEAD~1", 400, "either commit, or from");
        assertProblem("/api/insights/change-risk?clientId=insights&to=HEAD", 400, "to needs from");
        assertProblem("/api/insights/change-risk?clientId=insights&commit=nope", 400, "has no commit 'nope'");
        assertProblem(
                "/api/insights/change-risk?clientId=insights&commit=--output=x", 400, "has no commit '--output=x'");
        assertProblem("/api/insights/hotspots?clientId=insights&limit=0", 400, "limit must be between 1 and 200");
        assertProblem(
                "/api/insights/recommendations?clientId=insights&limit=500", 400, "limit must be between 1 and 200");
        assertProblem("/api/insights/hotspots?clientId=no-git", 409, "is not a Git repository");
        assertProblem("/api/insights/change-risk?clientId=nobody", 409, "has no instance");
        HttpResponse<String> anonymous =
                Http.sendAnonymous("GET", url("/api/insights/hotspots?clientId=insights"), null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private int flake8Complexity(String file) throws Exception {
        Process flake8 = new ProcessBuilder("flake8", "--select=C901", "--max-complexity=0", "--exit-zero", file)
                .directory(boltons.root().toFile())
                .start();
        String output = new String(flake8.getInputStream().readAllBytes());
        assertThat(flake8.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return output.lines()
                .mapToInt(line -> Integer.parseInt(line.replaceAll(".*\\((\\d+)\\)$", "$1")))
                .sum();
    }

    private JsonNode ok(String path) throws Exception {
        HttpResponse<String> response = Http.send("GET", url(path), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private void assertProblem(String path, int status, String detail) throws Exception {
        HttpResponse<String> response = Http.send("GET", url(path), null);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).path("detail").asString()).contains(detail);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
    }

    private URI url(String path) {
        return orchestrator.url(path);
    }
}
