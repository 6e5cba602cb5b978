package io.devopsparadise.quality.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.quality.LocalOrchestrator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Failures are confirmed before the verdict: a test that fails one run in three (it counts its runs in a file) is rerun,
 * passes, and is reported FLAKY without failing the run; a test that always fails still fails it. Real pytest (Debian's),
 * jest and Maven Surefire in process instances of the real instance-manager.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FlakyTestsIntegrationTests {

    private static final String ONE_IN_THREE = """
            import pathlib

            COUNTER = pathlib.Path(__file__).parent.parent / ".runs-of-test-sometimes"


            class TestNetwork:
                def test_sometimes(self):
                    runs = int(COUNTER.read_text()) if COUNTER.exists() else 0
                    COUNTER.write_text(str(runs + 1))
                    assert runs % 3 != 0, "the first of every three runs fails"


            def test_always():
                assert 1 + 1 == 2
            """;

    /** A jest test with regular-expression characters in its name, failing one run in three, beside one that always passes. */
    private static final String ONE_IN_THREE_JS = """
            const fs = require('fs');
            const path = require('path');
            const counter = path.join(__dirname, '.runs-of-cart');

            describe('cart', () => {
              test('total (with tax) is right [sometimes]', () => {
                const runs = fs.existsSync(counter) ? Number(fs.readFileSync(counter, 'utf8')) : 0;
                fs.writeFileSync(counter, String(runs + 1));
                expect(runs % 3).not.toBe(0);
              });
              test('tax is a fifth', () => {
                expect(10 * 0.2).toBe(2);
              });
            });
            """;

    /** A JUnit test whose first run in a JVM fails: Surefire reruns it in the same fork, where it passes. */
    private static final String FIRST_RUN_FAILS_JAVA = """
            package shop;

            import org.junit.jupiter.api.Test;

            import static org.junit.jupiter.api.Assertions.assertTrue;

            class NetworkTest {
                private static int runs;

                @Test
                void sometimes() {
                    runs++;
                    assertTrue(runs > 1, "the first run in a JVM fails");
                }

                @Test
                void always() {
                    assertTrue(true);
                }
            }
            """;

    private LocalOrchestrator orchestrator;
    private Path workspace;
    private Path scripts;
    private Path java;

    @BeforeAll
    void start() throws Exception {
        Path workspaces = Files.createTempDirectory("flaky-workspaces");
        orchestrator = LocalOrchestrator.start(
                workspaces, "--paradise.quality.node-modules=" + io.devopsparadise.testsupport.RepoPaths.nodeModules());
        workspace = Files.createDirectories(workspaces.resolve("flaky-project"));
        Files.createDirectories(workspace.resolve("tests"));
        Files.writeString(workspace.resolve("tests/__init__.py"), "");
        Files.writeString(workspace.resolve("tests/test_network.py"), ONE_IN_THREE);
        orchestrator.provision("flaky", workspace);
        scripts = Files.createDirectories(workspaces.resolve("flaky-shop"));
        Files.writeString(
                scripts.resolve("package.json"),
                "{\"name\":\"shop\",\"private\":true,\"devDependencies\":{\"jest\":\"30.5.2\"}}\n");
        Files.writeString(scripts.resolve("cart.test.js"), ONE_IN_THREE_JS);
        orchestrator.provision("flaky-js", scripts);
        java = Files.createDirectories(workspaces.resolve("flaky-java"));
        Files.createDirectories(java.resolve("src/test/java/shop"));
        Files.copy(Path.of("src/test/resources/fixtures/java-impact-project/pom.xml"), java.resolve("pom.xml"));
        Files.writeString(java.resolve("src/test/java/shop/NetworkTest.java"), FIRST_RUN_FAILS_JAVA);
        orchestrator.provision("flaky-java", java);
    }

    @AfterAll
    void stop() throws Exception {
        orchestrator.close();
    }

    @Test
    void aTestThatFailsOneRunInThreeIsAFlakyPass() throws Exception {
        Files.deleteIfExists(workspace.resolve(".runs-of-test-sometimes"));

        JsonNode run = OrchestratorRuns.runToTheEnd(url(), "flaky", "quick");

        JsonNode pytest = OrchestratorRuns.tool(run, "pytest");
        assertThat(run.path("state").asString())
                .as(run.path("verdict").asString())
                .isEqualTo("PASSED");
        assertThat(pytest.path("status").asString()).isEqualTo("PASSED");
        JsonNode sometimes = test(pytest, "test_sometimes");
        assertThat(sometimes.path("status").asString()).isEqualTo("FLAKY");
        assertThat(sometimes.path("failureMessage").asString())
                .startsWith("failed, then passed on rerun 1 of 2")
                .contains("the first of every three runs fails");
        assertThat(pytest.path("detail").asString()).contains("1 flaky test(s)");
        assertThat(Files.readString(workspace.resolve(".runs-of-test-sometimes"))
                        .strip())
                .as("one run, one rerun")
                .isEqualTo("2");
    }

    @Test
    void aTestThatAlwaysFailsStillFailsTheRunAfterItsReruns() throws Exception {
        Path broken = workspace.resolve("tests/test_broken.py");
        Files.writeString(broken, "def test_wrong():\n    assert 1 + 1 == 3\n");
        Files.deleteIfExists(workspace.resolve(".runs-of-test-sometimes"));
        try {
            JsonNode run = OrchestratorRuns.runToTheEnd(url(), "flaky", "quick");

            JsonNode pytest = OrchestratorRuns.tool(run, "pytest");
            assertThat(run.path("state").asString()).isEqualTo("FAILED");
            assertThat(pytest.path("status").asString()).isEqualTo("FAILED");
            assertThat(test(pytest, "test_wrong").path("status").asString()).isEqualTo("FAILED");
            assertThat(test(pytest, "test_sometimes").path("status").asString()).isEqualTo("FLAKY");
            assertThat(test(pytest, "test_always").path("status").asString()).isEqualTo("PASSED");
        } finally {
            Files.delete(broken);
        }
    }

    @Test
    void aFlakyJestTestIsRerunByItsLiteralName() throws Exception {
        Files.deleteIfExists(scripts.resolve(".runs-of-cart"));

        JsonNode run = OrchestratorRuns.runToTheEnd(url(), "flaky-js", "quick");

        JsonNode jest = OrchestratorRuns.tool(run, "jest");
        assertThat(jest.path("status").asString()).as(jest.toString()).isEqualTo("PASSED");
        JsonNode sometimes = test(jest, "cart total (with tax) is right [sometimes]");
        assertThat(sometimes.path("status").asString()).isEqualTo("FLAKY");
        assertThat(test(jest, "cart tax is a fifth").path("status").asString()).isEqualTo("PASSED");
        assertThat(Files.readString(scripts.resolve(".runs-of-cart")).strip())
                .as("one run, one rerun of that test alone")
                .isEqualTo("2");
    }

    @Test
    void aJunitTestThatPassesOnSurefiresRerunIsAFlakyPass() throws Exception {
        JsonNode run = OrchestratorRuns.runToTheEnd(url(), "flaky-java", "quick");

        JsonNode maven = OrchestratorRuns.tool(run, "maven");
        assertThat(maven.path("status").asString()).as(maven.toString()).isEqualTo("PASSED");
        assertThat(run.path("state").asString())
                .as(run.path("verdict").asString())
                .isEqualTo("PASSED");
        assertThat(test(maven, "sometimes").path("status").asString()).isEqualTo("FLAKY");
        assertThat(test(maven, "sometimes").path("failureMessage").asString()).contains("the first run in a JVM fails");
        assertThat(test(maven, "always").path("status").asString()).isEqualTo("PASSED");
    }

    private static JsonNode test(JsonNode tool, String name) {
        return tool.path("tests")
                .valueStream()
                .filter(t -> t.path("name").asString().strip().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no test " + name + " in " + tool));
    }

    private URI url() {
        return orchestrator.url("");
    }
}
