package io.devopsparadise.quality.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.devopsparadise.quality.QualityOrchestratorApplication;
import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InProcessApps;
import io.devopsparadise.testsupport.InstanceManagerProcess;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edit-then-check loop through the real service: the targeted profile maps the tests by their coverage on its
 * first run, then runs only what an edit can break, streams the failing test before pytest ends, reruns what failed,
 * measures a branch from its merge-base, and reuses a passing result while nothing changed. The instance is a real
 * process instance of the real instance-manager; pytest, pytest-cov and coverage are Debian's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ChangedOnlyRunIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OPS = """
            def add(a, b):
                return a + b


            def sub(a, b):
                return a - b


            def mul(a, b):
                return a * b
            """;

    private InstanceManagerProcess manager;
    private ConfigurableApplicationContext orchestrator;
    private Path workspace;
    private Path scripts;
    private Path javaShop;
    private String firstRun;

    @BeforeAll
    void start() throws Exception {
        Path workspaces = Files.createTempDirectory("impact-workspaces");
        manager = InstanceManagerProcess.start(Files.createTempDirectory("impact-home"), workspaces);
        workspace = Files.createDirectories(workspaces.resolve("calc-project"));
        Files.createDirectories(workspace.resolve("calc"));
        Files.createDirectories(workspace.resolve("tests"));
        Files.writeString(workspace.resolve("calc/__init__.py"), "");
        Files.writeString(workspace.resolve("calc/ops.py"), OPS);
        Files.writeString(workspace.resolve("calc/text.py"), "def shout(text):\n    return text.upper() + '!'\n");
        Files.writeString(workspace.resolve("tests/test_ops.py"), """
                from calc.ops import add, sub, mul


                def test_add():
                    assert add(2, 3) == 5


                def test_sub():
                    assert sub(5, 3) == 2


                def test_mul():
                    assert mul(2, 3) == 6
                """);
        Files.writeString(workspace.resolve("tests/test_text.py"), """
                from calc.text import shout


                def test_shout():
                    assert shout("hi") == "HI!"
                """);
        Files.writeString(workspace.resolve(".gitignore"), "__pycache__/\n.paradise/\n");
        commitAll(workspace, "calc");
        Files.setPosixFilePermissions(workspace, PosixFilePermissions.fromString("rwxr-xr-x"));
        HttpResponse<String> provisioned = Http.send(
                "POST",
                manager.url("/api/instances?waitSeconds=60"),
                "{\"clientId\":\"impact\",\"workspace\":\"" + workspace + "\",\"profile\":\"everything-process\"}");
        assertThat(provisioned.statusCode()).as(provisioned.body()).isEqualTo(201);
        scripts = jestWorkspace(workspaces.resolve("shop-project"));
        HttpResponse<String> js = Http.send(
                "POST",
                manager.url("/api/instances?waitSeconds=60"),
                "{\"clientId\":\"impact-js\",\"workspace\":\"" + scripts + "\",\"profile\":\"everything-process\"}");
        assertThat(js.statusCode()).as(js.body()).isEqualTo(201);
        javaShop = workspaces.resolve("shop-java");
        io.devopsparadise.testsupport.Fixtures.copy(
                Path.of("src/test/resources/fixtures/java-impact-project").toAbsolutePath(), javaShop);
        Files.writeString(javaShop.resolve("README.md"), "shop\n");
        Files.writeString(javaShop.resolve(".gitignore"), "target/\n.paradise/\n");
        commitAll(javaShop, "shop");
        Files.setPosixFilePermissions(javaShop, PosixFilePermissions.fromString("rwxr-xr-x"));
        HttpResponse<String> maven = Http.send(
                "POST",
                manager.url("/api/instances?waitSeconds=60"),
                "{\"clientId\":\"impact-java\",\"workspace\":\"" + javaShop + "\",\"profile\":\"everything-process\"}");
        assertThat(maven.statusCode()).as(maven.body()).isEqualTo(201);
        orchestrator = InProcessApps.builder(QualityOrchestratorApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--paradise.quality.home=" + Files.createTempDirectory("impact-home"),
                        "--paradise.quality.instance-manager-url=" + manager.url(""),
                        "--paradise.quality.node-modules=" + io.devopsparadise.testsupport.RepoPaths.nodeModules());
    }

    /** Two modules with a test file each, one importing the other's module: jest's dependency graph decides. */
    private Path jestWorkspace(Path root) throws Exception {
        Files.createDirectories(root);
        Files.writeString(
                root.resolve("package.json"),
                "{\"name\":\"shop\",\"private\":true,\"devDependencies\":{\"jest\":\"30.5.2\"}}\n");
        Files.writeString(root.resolve("tax.js"), "exports.tax = (amount) => amount * 0.2;\n");
        Files.writeString(
                root.resolve("cart.js"),
                "exports.total = (items) => items.reduce((sum, i) => sum + i.price * i.quantity, 0);\n");
        Files.writeString(
                root.resolve("tax.test.js"),
                "const { tax } = require('./tax');\ntest('a fifth', () => { expect(tax(10)).toBe(2); });\n");
        Files.writeString(
                root.resolve("cart.test.js"),
                "const { total } = require('./cart');\n"
                        + "test('price times quantity', () => { expect(total([{ price: 2, quantity: 3 }])).toBe(6); });\n");
        Files.writeString(root.resolve("README.md"), "shop\n");
        Files.writeString(root.resolve(".gitignore"), ".paradise/\n");
        commitAll(root, "shop");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        return root;
    }

    @AfterAll
    void stop() throws Exception {
        orchestrator.close();
        manager.close();
    }

    @Test
    @Order(1)
    void theFirstTargetedRunRunsEveryTest() throws Exception {
        JsonNode run = targeted("");
        firstRun = run.path("id").asString();

        JsonNode plan = run.path("plans").get(0);
        assertThat(plan.path("runAll").asBoolean()).isTrue();
        assertThat(plan.path("reasons").get(0).asString()).contains("no impact map");
        assertThat(OrchestratorRuns.tool(run, "pytest").path("status").asString())
                .isEqualTo("PASSED");
        assertThat(OrchestratorRuns.tool(run, "pytest").path("tests")).hasSize(4);
    }

    @Test
    @Order(2)
    void anEditedFunctionRunsOnlyItsTestsWhoseFailuresStreamBeforePytestEnds() throws Exception {
        List<String> lines = Http.followEvents(url("/api/runs/events"));
        Files.writeString(workspace.resolve("calc/ops.py"), OPS.replace("return a - b", "return a + b"));

        JsonNode run = targeted("");

        JsonNode plan = run.path("plans").get(0);
        assertThat(plan.path("runAll").asBoolean()).isFalse();
        assertThat(plan.path("selected").asInt()).isEqualTo(1);
        assertThat(plan.path("known").asInt()).isEqualTo(4);
        assertThat(plan.path("changed").valueStream().map(JsonNode::asString)).contains("calc/ops.py::sub");
        JsonNode pytest = OrchestratorRuns.tool(run, "pytest");
        assertThat(pytest.path("status").asString()).isEqualTo("FAILED");
        assertThat(pytest.path("tests").valueStream().map(t -> t.path("name").asString()))
                .containsExactly("test_sub");
        String runId = run.path("id").asString();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> events(lines, runId, "RUN_FINISHED").size() == 1);
        JsonNode failed = events(lines, runId, "TEST_FAILED").get(0);
        JsonNode finished = events(lines, runId, "TOOL_FINISHED").stream()
                .filter(e -> e.path("tool").asString().equals("pytest"))
                .findFirst()
                .orElseThrow();
        assertThat(failed.path("detail").asString())
                .startsWith("tests/test_ops.py::test_sub")
                .contains("assert");
        assertThat(Instant.parse(failed.path("timestamp").asString()))
                .isBefore(Instant.parse(finished.path("timestamp").asString()));
        assertThat(events(lines, runId, "PLAN").get(0).path("detail").asString())
                .contains("1 of 4 test(s) selected");
    }

    @Test
    @Order(3)
    void aTestThatFailedLastTimeRunsAgainThoughNothingChanged() throws Exception {
        JsonNode run = targeted("");

        JsonNode plan = run.path("plans").get(0);
        assertThat(plan.path("selected").asInt()).isEqualTo(1);
        assertThat(plan.path("reasons").valueStream().map(JsonNode::asString))
                .anySatisfy(r -> assertThat(r).contains("failed last time"));
    }

    @Test
    @Order(4)
    void aPassingResultIsReusedWhileNothingItReadsChanged() throws Exception {
        Files.writeString(workspace.resolve("calc/ops.py"), OPS);
        targeted("");

        JsonNode again = targeted("");

        JsonNode pytest = OrchestratorRuns.tool(again, "pytest");
        assertThat(pytest.path("cachedFrom").asString()).isEqualTo(firstRun);
        assertThat(pytest.path("detail").asString()).startsWith("cached:");
        assertThat(pytest.path("tests")).hasSize(4);
    }

    @Test
    @Order(5)
    void aBranchIsMeasuredFromItsMergeBaseWithTheBaseBranch() throws Exception {
        git("checkout", "-q", "-b", "feature");
        Files.writeString(workspace.resolve("calc/text.py"), "def shout(text):\n    return text.upper() + '!!'\n");
        git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-am", "louder");

        JsonNode run = OrchestratorRuns.runToTheEnd(
                url(""), "{\"clientId\":\"impact\",\"profile\":\"standard\",\"base\":\"main\"}");

        JsonNode plan = run.path("plans").get(0);
        assertThat(plan.path("base").asString()).isEqualTo("main");
        assertThat(plan.path("runAll").asBoolean()).isFalse();
        // test_sub failed in the last run that ran it (the runs since reused a cached result): it runs again, first
        assertThat(plan.path("first").valueStream().map(JsonNode::asString))
                .containsExactly("tests/test_ops.py::test_sub", "tests/test_text.py::test_shout");
        assertThat(OrchestratorRuns.tool(run, "pytest")
                        .path("tests")
                        .valueStream()
                        .map(t -> t.path("name").asString() + " "
                                + t.path("status").asString()))
                .containsExactlyInAnyOrder("test_sub PASSED", "test_shout FAILED");
    }

    @Test
    @Order(6)
    void aBaseThatIsNoRevisionIsRefusedWithWhatToGive() throws Exception {
        for (String base : List.of("--output=/tmp/x", "main..evil", "a b")) {
            HttpResponse<String> refused = Http.send(
                    "POST",
                    url("/api/runs"),
                    JSON.writeValueAsString(
                            java.util.Map.of("clientId", "impact", "profile", "targeted", "base", base)));
            assertThat(refused.statusCode()).as(base).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).path("detail").asString())
                    .contains("is not a branch, tag or commit name");
        }
    }

    @Test
    @Order(7)
    void aChangedJavaScriptModuleRunsTheJestTestFilesThatImportItOnly() throws Exception {
        Files.writeString(scripts.resolve("tax.js"), "exports.tax = (amount) => amount * 0.25;\n");

        JsonNode run = OrchestratorRuns.runToTheEnd(url(""), "{\"clientId\":\"impact-js\",\"profile\":\"targeted\"}");

        JsonNode plan = run.path("plans").get(0);
        assertThat(plan.path("tool").asString()).isEqualTo("jest");
        assertThat(plan.path("selected").asInt()).isEqualTo(1);
        assertThat(plan.path("known").asInt()).isEqualTo(2);
        assertThat(plan.path("summary").asString()).contains("1 of 2 test file(s) selected");
        JsonNode jest = OrchestratorRuns.tool(run, "jest");
        assertThat(jest.path("tests")
                        .valueStream()
                        .map(t -> t.path("name").asString().strip() + " "
                                + t.path("status").asString()))
                .containsExactly("a fifth FAILED");
    }

    @Test
    @Order(8)
    void aDocumentationChangeReachesNoJestTest() throws Exception {
        git(scripts, "checkout", "--", "tax.js");
        Files.writeString(scripts.resolve("README.md"), "shop, the shop\n");

        JsonNode docs = OrchestratorRuns.runToTheEnd(url(""), "{\"clientId\":\"impact-js\",\"profile\":\"targeted\"}");

        assertThat(OrchestratorRuns.tool(docs, "jest").path("status").asString())
                .isEqualTo("SKIPPED");
        assertThat(OrchestratorRuns.tool(docs, "jest").path("detail").asString())
                .contains("documentation only, no test reads it: README.md");
    }

    @Test
    @Order(9)
    void aPackageChangeRunsEveryJestTest() throws Exception {
        Files.writeString(
                scripts.resolve("package.json"),
                "{\"name\":\"shop\",\"version\":\"2.0.0\",\"devDependencies\":{\"jest\":\"30.5.2\"}}\n");

        JsonNode build = OrchestratorRuns.runToTheEnd(url(""), "{\"clientId\":\"impact-js\",\"profile\":\"targeted\"}");

        assertThat(build.path("plans").get(0).path("runAll").asBoolean()).isTrue();
        assertThat(build.path("plans").get(0).path("reasons").get(0).asString()).contains("package.json");
        assertThat(OrchestratorRuns.tool(build, "jest").path("tests")).hasSize(2);
    }

    @Test
    @Order(10)
    void theFirstTargetedJavaRunRunsEveryTestClass() throws Exception {
        JsonNode first =
                OrchestratorRuns.runToTheEnd(url(""), "{\"clientId\":\"impact-java\",\"profile\":\"targeted\"}");

        assertThat(first.path("plans").get(0).path("runAll").asBoolean()).isTrue();
        assertThat(OrchestratorRuns.tool(first, "maven").path("status").asString())
                .as(first.toString())
                .isEqualTo("PASSED");
        assertThat(OrchestratorRuns.tool(first, "maven").path("tests")).hasSize(5);
    }

    /** Mapped by the per-class coverage of the run before. */
    @Test
    @Order(11)
    void anEditedJavaMethodRunsOnlyTheTestClassesThatRanIt() throws Exception {
        List<String> lines = Http.followEvents(url("/api/runs/events"));
        Path discount = javaShop.resolve("src/main/java/shop/Discount.java");
        Files.writeString(
                discount, Files.readString(discount).replace("price * percent / 100", "price * percent / 1000"));

        JsonNode run = OrchestratorRuns.runToTheEnd(url(""), "{\"clientId\":\"impact-java\",\"profile\":\"targeted\"}");

        JsonNode plan = run.path("plans").get(0);
        assertThat(plan.path("tool").asString()).isEqualTo("maven");
        assertThat(plan.path("runAll").asBoolean()).isFalse();
        // CartTest ran percentOff through Cart.total: only per-class coverage says so; TaxTest never reached it
        assertThat(plan.path("selected").asInt()).isEqualTo(2);
        assertThat(plan.path("known").asInt()).isEqualTo(3);
        assertThat(plan.path("changed").valueStream().map(JsonNode::asString))
                .containsExactly("src/main/java/shop/Discount.java::Discount.percentOff(int,int)");
        JsonNode maven = OrchestratorRuns.tool(run, "maven");
        assertThat(maven.path("tests")
                        .valueStream()
                        .map(t -> t.path("name").asString() + " "
                                + t.path("status").asString()))
                .containsExactlyInAnyOrder(
                        "tenPercentOff FAILED",
                        "clampsBelowZero PASSED",
                        "totalTakesTheDiscount FAILED",
                        "countsItsPrices PASSED");
        String runId = run.path("id").asString();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> events(lines, runId, "RUN_FINISHED").size() == 1);
        JsonNode finished = events(lines, runId, "TOOL_FINISHED").stream()
                .filter(e -> e.path("tool").asString().equals("maven"))
                .findFirst()
                .orElseThrow();
        List<JsonNode> failed = events(lines, runId, "TEST_FAILED");
        assertThat(failed.stream().map(e -> e.path("detail").asString().split(":")[0]))
                .containsExactlyInAnyOrder(
                        "shop.DiscountTest#tenPercentOff()", "shop.CartTest#totalTakesTheDiscount()");
        assertThat(Instant.parse(failed.get(0).path("timestamp").asString()))
                .isBefore(Instant.parse(finished.path("timestamp").asString()));
    }

    @Test
    @Order(12)
    void javaTestClassesThatFailedRunAgain() throws Exception {
        git(javaShop, "checkout", "--", "src/main/java/shop/Discount.java");
        Files.writeString(javaShop.resolve("README.md"), "shop, the shop\n");

        JsonNode again =
                OrchestratorRuns.runToTheEnd(url(""), "{\"clientId\":\"impact-java\",\"profile\":\"targeted\"}");

        assertThat(again.path("plans").get(0).path("reasons").valueStream().map(JsonNode::asString))
                .contains(
                        "documentation only, no test reads it: README.md",
                        "2 test class(es) failed last time and run again");
        assertThat(OrchestratorRuns.tool(again, "maven").path("tests")).hasSize(4);
        assertThat(OrchestratorRuns.tool(again, "maven").path("status").asString())
                .isEqualTo("PASSED");
    }

    @Test
    @Order(13)
    void aPomChangeRunsEveryJavaTestClass() throws Exception {
        Path pom = javaShop.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("<version>1.0.0</version>", "<version>1.0.1</version>"));

        JsonNode build =
                OrchestratorRuns.runToTheEnd(url(""), "{\"clientId\":\"impact-java\",\"profile\":\"targeted\"}");

        assertThat(build.path("plans").get(0).path("runAll").asBoolean()).isTrue();
        assertThat(build.path("plans").get(0).path("reasons").get(0).asString()).contains("pom.xml");
        assertThat(OrchestratorRuns.tool(build, "maven").path("tests")).hasSize(5);
    }

    private JsonNode targeted(String extra) throws Exception {
        return OrchestratorRuns.runToTheEnd(url(""), "{\"clientId\":\"impact\",\"profile\":\"targeted\"" + extra + "}");
    }

    private static List<JsonNode> events(List<String> lines, String runId, String type) {
        return lines.stream()
                .filter(l -> l.startsWith("data:") && l.contains("\"runId\":\"" + runId + "\""))
                .map(l -> JSON.readTree(l.substring(5)))
                .filter(e -> e.path("type").asString().equals(type))
                .toList();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + orchestrator.getEnvironment().getProperty("local.server.port") + path);
    }

    /** A new Git repository on main holding every file of the directory, in one commit. */
    private static void commitAll(Path directory, String message) throws Exception {
        git(directory, "init", "-q", "-b", "main");
        git(directory, "add", ".");
        git(directory, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", message);
    }

    private void git(String... args) throws Exception {
        git(workspace, args);
    }

    private static void git(Path directory, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command)
                .directory(directory.toFile())
                .inheritIO()
                .start();
        assertThat(git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0)
                .as(String.join(" ", command))
                .isTrue();
    }
}
