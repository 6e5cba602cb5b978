package io.devopsparadise.quality.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.quality.QualityOrchestratorApplication;
import io.devopsparadise.testsupport.AuditEndpoint;
import io.devopsparadise.testsupport.Fixtures;
import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InProcessApps;
import io.devopsparadise.testsupport.InstanceManagerProcess;
import io.devopsparadise.testsupport.RepoPaths;
import io.devopsparadise.testsupport.StaticSite;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * A comprehensive run on a workspace holding a Maven project, an npm lock file, a Postman collection and Playwright
 * tests, against a small site served locally: Maven Surefire + JaCoCo, npm audit, Newman, Playwright and Lighthouse
 * run for real inside the client's instance (process engine), Playwright and Lighthouse in Debian's headless Chromium.
 * Only npm's advisory database is a stand-in (the registry's audit endpoint cannot be reached from this machine).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ComprehensiveRunIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures").toAbsolutePath();

    private InstanceManagerProcess manager;
    private StaticSite site;
    private AuditEndpoint advisories;
    private ConfigurableApplicationContext orchestrator;

    @BeforeAll
    void start() throws Exception {
        Path workspaces = Files.createTempDirectory("comprehensive-workspaces");
        manager = InstanceManagerProcess.start(Files.createTempDirectory("comprehensive-home"), workspaces);
        Path workspace = workspaces.resolve("shop");
        for (String fixture : List.of("java-project", "audit-project", "web-project")) {
            Fixtures.copy(FIXTURES.resolve(fixture), workspace);
        }
        site = StaticSite.serve(FIXTURES.resolve("web-project/site"));
        advisories = AuditEndpoint.start(FIXTURES.resolve("audit-project-advisories.json"));
        HttpResponse<String> provisioned = Http.send(
                "POST",
                manager.url("/api/instances?waitSeconds=60"),
                "{\"clientId\":\"shop\",\"workspace\":\"" + workspace + "\",\"profile\":\"everything-process\"}");
        assertThat(provisioned.statusCode()).as(provisioned.body()).isEqualTo(201);
        orchestrator = InProcessApps.builder(QualityOrchestratorApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--paradise.quality.home=" + Files.createTempDirectory("quality-home"),
                        "--paradise.quality.instance-manager-url=" + manager.url(""),
                        "--paradise.quality.node-modules=" + RepoPaths.nodeModules(),
                        "--paradise.quality.npm-registry=" + advisories.registry(),
                        "--paradise.quality.profiles.comprehensive.target-url=" + site.url(),
                        "--paradise.quality.profiles.comprehensive.min-performance-score=0.5",
                        "--paradise.quality.profiles.audit-only.categories=performance");
    }

    @AfterAll
    void stop() throws Exception {
        orchestrator.close();
        manager.close();
        advisories.close();
        site.close();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + orchestrator.getEnvironment().getProperty("local.server.port") + path);
    }

    private static long failed(JsonNode outcome) {
        return outcome.path("tests")
                .valueStream()
                .filter(t -> t.path("status").asString().equals("FAILED"))
                .count();
    }

    @Test
    void comprehensiveRunTestsEveryLayerOfTheShop() throws Exception {
        JsonNode run = OrchestratorRuns.runToTheEnd(url(""), "shop", "comprehensive");

        assertThat(run.path("tools")
                        .valueStream()
                        .map(t -> t.path("tool").asString())
                        .toList())
                .containsExactlyInAnyOrder("maven", "npm-audit", "newman", "playwright", "lighthouse", "semantic");
        JsonNode semantic = OrchestratorRuns.tool(run, "semantic");
        assertThat(semantic.path("status").asString())
                .as("an everything instance has no code tools")
                .isEqualTo("SKIPPED");
        assertThat(semantic.path("detail").asString()).startsWith("the instance offers no semantic code tools");
        assertThat(run.path("semantic").path("skipped").asString())
                .isEqualTo(semantic.path("detail").asString());
        JsonNode maven = OrchestratorRuns.tool(run, "maven");
        assertThat(maven.path("status").asString()).as(maven.toString()).isEqualTo("FAILED");
        assertThat(maven.path("tests")).as(maven.toString()).hasSize(4);
        assertThat(failed(maven)).isEqualTo(1);
        assertThat(maven.path("coverage").path("files").get(0).path("file").asString())
                .isEqualTo("shop/Discount.java");
        assertThat(maven.path("coverage")
                        .path("files")
                        .get(0)
                        .path("linesCovered")
                        .asInt())
                .isEqualTo(3);
        JsonNode audit = OrchestratorRuns.tool(run, "npm-audit");
        assertThat(audit.path("findings")
                        .valueStream()
                        .map(f -> f.path("severity").asString())
                        .toList())
                .containsExactlyInAnyOrder("CRITICAL", "HIGH", "MEDIUM");
        JsonNode newman = OrchestratorRuns.tool(run, "newman");
        assertThat(newman.path("tests")).as(newman.toString()).hasSize(4);
        assertThat(failed(newman)).isEqualTo(1);
        JsonNode playwright = OrchestratorRuns.tool(run, "playwright");
        assertThat(playwright.path("category").asString()).isEqualTo("e2e");
        assertThat(playwright.path("tests")).as(playwright.toString()).hasSize(3);
        assertThat(failed(playwright)).isEqualTo(1);
        JsonNode lighthouse = OrchestratorRuns.tool(run, "lighthouse");
        assertThat(lighthouse.path("status").asString())
                .as(lighthouse.toString())
                .isEqualTo("PASSED");
        assertThat(lighthouse.path("performance").path("url").asString())
                .startsWith(site.url().toString());
        assertThat(lighthouse
                        .path("performance")
                        .path("scores")
                        .path("performance")
                        .asDouble())
                .isBetween(0.5, 1.0);
        assertThat(lighthouse
                        .path("performance")
                        .path("scores")
                        .path("accessibility")
                        .asDouble())
                .isEqualTo(1.0);
        assertThat(lighthouse
                        .path("performance")
                        .path("metrics")
                        .path("largest-contentful-paint")
                        .asDouble())
                .isPositive();

        assertThat(run.path("state").asString()).isEqualTo("FAILED");
        assertThat(run.path("verdict").asString())
                .contains("maven: 1 failing test(s)")
                .contains("newman: 1 failing test(s)")
                .contains("playwright: 1 failing test(s)")
                .contains("line coverage 50.0% is below the minimum 80.0%")
                .contains("1 CRITICAL finding(s), at most 0 allowed")
                .doesNotContain("performance score");
    }

    @Test
    void lighthouseWithoutATargetUrlIsSkippedWithTheReason() throws Exception {
        JsonNode run = OrchestratorRuns.runToTheEnd(url(""), "shop", "audit-only");

        JsonNode lighthouse = OrchestratorRuns.tool(run, "lighthouse");
        assertThat(lighthouse.path("status").asString()).isEqualTo("SKIPPED");
        assertThat(lighthouse.path("detail").asString())
                .isEqualTo("the profile gives no target-url for Lighthouse to audit");
        assertThat(run.path("state").asString()).isEqualTo("PASSED");
    }
}
