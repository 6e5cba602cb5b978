package io.devopsparadise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.testsupport.Fixtures;
import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.RepoPaths;
import io.devopsparadise.testsupport.ServiceProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * scripts/start-devops-paradise.sh end to end on a fresh data directory on this machine: all five services as
 * local JVMs, the client registered, its instance started with the backend the script chooses when Serena's image is
 * missing (the `code` backend; as a process, since the workspace here is root's), Claude Code configured (checked with
 * the real {@code claude mcp list}), the first report written. Then every error path the script guards, each printing guidance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class StartScriptIntegrationTests {

    private static final Path SCRIPT = RepoPaths.root().resolve("scripts/start-devops-paradise.sh");
    private static final String[] PORT_VARIABLES = {
        "PARADISE_INSTANCE_MANAGER_PORT",
        "PARADISE_QUALITY_PORT",
        "PARADISE_REPORTS_PORT",
        "PARADISE_DASHBOARD_PORT",
        "PARADISE_GATEWAY_PORT"
    };

    private Path work;
    private Path workspace;
    private Map<String, String> env;

    record Result(int exit, String output, long millis) {}

    @BeforeAll
    void prepare() throws Exception {
        work = Files.createTempDirectory("start-script");
        workspace = Fixtures.copy(
                RepoPaths.root().resolve("quality-orchestrator/src/test/resources/fixtures/python-project"),
                work.resolve("projects/calc"));
        env = environment(Files.createDirectories(work.resolve("paradise-home")));
    }

    /** A fresh data directory, a user home of its own (for Claude Code's configuration) and free ports. */
    private Map<String, String> environment(Path home) throws IOException {
        Map<String, String> environment = new HashMap<>();
        environment.put("PARADISE_HOME", home.toString());
        environment.put(
                "HOME",
                Files.createDirectories(home.resolveSibling(home.getFileName() + "-user"))
                        .toString());
        environment.put("PARADISE_WORKSPACE_ROOTS", work.resolve("projects").toString());
        environment.put(
                "PATH", System.getenv("PATH") + ":" + RepoPaths.nodeModules().resolve(".bin"));
        for (String variable : PORT_VARIABLES) {
            environment.put(variable, Integer.toString(ServiceProcess.freePort()));
        }
        return environment;
    }

    private static Result run(Map<String, String> environment, Path directory, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        // the script's services share the credential they generate in PARADISE_HOME, not the build's
        builder.environment().remove("PARADISE_SERVICE_TOKEN_FILE");
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        System.out.println(text);
        return new Result(process.exitValue(), text, (System.nanoTime() - started) / 1_000_000);
    }

    private Result claude(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(RepoPaths.nodeModules().resolve(".bin/claude").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(workspace.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        // as the setup tells the developer to: Claude Code expands it into the Authorization header
        builder.environment()
                .put(
                        "DEVOPS_PARADISE_TOKEN",
                        Files.readString(Path.of(env.get("PARADISE_HOME")).resolve("clients/alice/token"))
                                .strip());
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8), 0);
    }

    @AfterAll
    void stop() throws Exception {
        URI manager = URI.create("http://127.0.0.1:" + env.get("PARADISE_INSTANCE_MANAGER_PORT"));
        try {
            String credential = "Bearer "
                    + Files.readString(Path.of(env.get("PARADISE_HOME")).resolve("service-token"))
                            .strip();
            for (JsonNode instance : JsonMapper.builder()
                    .build()
                    .readTree(Http.send("GET", manager.resolve("/api/instances"), null, credential)
                            .body())) {
                Http.send(
                        "DELETE",
                        manager.resolve("/api/instances/" + instance.path("id").asString()),
                        null,
                        credential);
            }
        } catch (IOException managerAlreadyGone) {
            // nothing to clean up
        }
        run(env, work, "--stop");
    }

    @Test
    @Order(1)
    void setsADeveloperUpFromAFreshDataDirectory() throws Exception {
        Result setup = run(env, workspace, "alice", workspace.toString(), "quick");

        assertThat(setup.exit()).as(setup.output()).isZero();
        // as root (CI), a container for the root-owned workspace would run as root: the code backend runs as a process
        boolean rootOwned = Integer.valueOf(0).equals(Files.getAttribute(workspace, "unix:uid"));
        assertThat(setup.output())
                .contains("so the client gets the 'code'")
                .contains(rootOwned ? "backend: code-process" : "backend: code, in a container built here")
                .contains("registered client 'alice'")
                .contains("instance of 'alice' is HEALTHY (" + (rootOwned ? "process" : "docker"))
                .contains("Claude Code: added MCP server 'devops-paradise'")
                .contains("first report: grade")
                .contains("dashboard: http://127.0.0.1:" + env.get("PARADISE_DASHBOARD_PORT"));
        Path home = Path.of(env.get("PARADISE_HOME"));
        try (Stream<Path> reports = Files.walk(home.resolve("reports/alice"))) {
            assertThat(reports.filter(p -> p.getFileName().toString().equals("report.html")))
                    .hasSize(1);
        }
        assertThat(home.resolve("clients/alice/token")).isNotEmptyFile();
        assertThat(Files.getPosixFilePermissions(home.resolve("clients/alice/token")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(home.resolve("clients/alice/mcp-servers.json")))
                .contains("Bearer ${DEVOPS_PARADISE_TOKEN}");
        assertThat(Files.readString(userHome().resolve(".claude.json")))
                .as("Claude Code's configuration holds no token")
                .contains("Bearer ${DEVOPS_PARADISE_TOKEN}")
                .doesNotContain(
                        Files.readString(home.resolve("clients/alice/token")).strip());
        assertThat(setup.output())
                .contains("export DEVOPS_PARADISE_TOKEN=$(cat " + home.resolve("clients/alice/token") + ")");

        Result list = claude("mcp", "list");
        assertThat(list.output())
                .contains("devops-paradise: http://127.0.0.1:" + env.get("PARADISE_GATEWAY_PORT") + "/mcp")
                .contains("✔ Connected");
        System.out.printf("start script, fresh data directory to first report: %d ms%n", setup.millis());
    }

    @Test
    @Order(2)
    void noOtherLocalUserCanReadTheDataDirectory() throws Exception {
        Path home = Path.of(env.get("PARADISE_HOME"));

        assertThat(Files.getPosixFilePermissions(home))
                .containsExactlyInAnyOrder(
                        PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE);
        assertThat(home.resolve("service-token")).isNotEmptyFile();
        try (Stream<Path> all = Files.walk(home)) {
            List<String> open = all.filter(path -> !Files.isSymbolicLink(path))
                    .filter(StartScriptIntegrationTests::othersCanReach)
                    .map(path -> home.relativize(path) + " " + permissions(path))
                    .toList();
            assertThat(open)
                    .as("files and directories group or others can read, write or enter")
                    .isEmpty();
        }
    }

    private static boolean othersCanReach(Path path) {
        return permissions(path).substring(3).chars().anyMatch(c -> c != '-');
    }

    private static String permissions(Path path) {
        try {
            return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            return "?????????";
        }
    }

    private Path userHome() {
        return Path.of(env.get("HOME"));
    }

    @Test
    @Order(2)
    void aRerunReusesEverything() throws Exception {
        Result again = run(env, workspace, "--no-run");

        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(again.output())
                .contains("instance-manager already runs")
                .contains("client 'alice' is already registered; reusing it")
                .doesNotContain("quality run");
        assertThat(claude("mcp", "list").output()).contains("✔ Connected");
        System.out.printf("start script, rerun: %d ms%n", again.millis());
    }

    @Test
    @Order(3)
    void badParametersSayWhatToDo() throws Exception {
        Result unknownProfile = run(env, workspace, "alice", workspace.toString(), "nosuch");
        Result badWorkspace = run(env, work, "alice", work.resolve("missing").toString());
        Result badName = run(env, work, "-not/allowed", workspace.toString());
        Result otherWorkspace = run(env, work, "--no-run", "alice", work.toString());
        Result unknownOption = run(env, work, "--bogus");

        assertThat(unknownProfile.exit()).isEqualTo(2);
        assertThat(unknownProfile.output())
                .contains("unknown quality profile 'nosuch'; known: [comprehensive, quick, standard, targeted]");
        assertThat(badWorkspace.exit()).isEqualTo(1);
        assertThat(badWorkspace.output()).contains("does not exist or is not a directory");
        assertThat(badName.output()).contains("is not allowed: use 1-63 letters, digits");
        assertThat(otherWorkspace.output())
                .contains("client 'alice' is registered for the workspace " + workspace.toRealPath())
                .contains("pick another name");
        assertThat(unknownOption.output()).contains("unknown option '--bogus'").contains("CLIENT_NAME");
    }

    @Test
    @Order(4)
    void instanceLimitsAreCheckedOnTheirWayToTheInstance() throws Exception {
        Path other = Files.createDirectories(work.resolve("projects/other"));
        Result badSize = run(env, other, "--memory", "lots", "carol", other.toString());
        Result processWithLimits = run(
                env,
                other,
                "--backend",
                "code-process",
                "--memory",
                "1GB",
                "--cpus",
                "0.5",
                "--no-run",
                "bob",
                other.toString());

        assertThat(badSize.exit()).isEqualTo(1);
        assertThat(badSize.output())
                .contains("the gateway did not register 'carol': memory must be a size like 512MB or 2GB; got 'lots'");
        assertThat(processWithLimits.exit()).isEqualTo(1);
        assertThat(processWithLimits.output())
                .contains("registered client 'bob'")
                .contains("memory and cpus limits apply to containers; profile 'code-process' runs as a process");
    }

    @Test
    @Order(5)
    void missingJavaIsExplained() throws Exception {
        Path bin = Files.createDirectories(work.resolve("bin-without-java"));
        for (String tool : List.of(
                "dirname", "sed", "head", "cat", "date", "seq", "sleep", "curl", "find", "tail", "tr", "id", "mkdir",
                "rm", "touch", "pwd")) {
            Path target = Path.of("/usr/bin", tool);
            if (!Files.exists(target)) {
                target = Path.of("/bin", tool);
            }
            Files.createSymbolicLink(bin.resolve(tool), target);
        }
        Map<String, String> noJava = new HashMap<>(env);
        noJava.put("PATH", bin.toString());

        Result result = run(noJava, workspace, "alice", workspace.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output())
                .contains("Java 17 or newer is required and 'java' is not on the PATH")
                .contains("apt-get install openjdk-17");
    }

    @Test
    @Order(6)
    void aServicePortTakenByAnotherProgramIsNamed() throws Exception {
        Map<String, String> other = environment(Files.createDirectories(work.resolve("home-port-taken")));
        try (ServerSocket squatter = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            other.put("PARADISE_INSTANCE_MANAGER_PORT", Integer.toString(squatter.getLocalPort()));

            Result result = run(other, workspace, "--platform-only");

            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.output())
                    .contains("port " + squatter.getLocalPort() + " for instance-manager is taken by another program")
                    .contains("PARADISE_INSTANCE_MANAGER_PORT");
        }
    }

    @Test
    @Order(6)
    void aLinkPlantedWhereTheHighAvailabilityDatabaseGoesIsRefused() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                "root".equals(System.getProperty("user.name")),
                "the cluster goes to /var/lib/postgresql for root only");
        Path home = Files.createDirectories(work.resolve("home-planted-link"));
        String digest = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(home.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .substring(0, 12);
        Path planted = Path.of("/var/lib/postgresql/devops-paradise-" + digest);
        Path target = Files.createDirectories(work.resolve("what-the-link-names"));
        Files.createSymbolicLink(planted, target);
        try {
            Result result = run(environment(home), workspace, "--ha", "--platform-only");

            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.output()).contains("is not a directory of the postgres user's");
            assertThat(Files.getOwner(target).getName())
                    .as("nothing followed the link")
                    .isEqualTo("root");
            assertThat(target).isEmptyDirectory();
        } finally {
            Files.delete(planted);
        }
    }

    @Test
    @Order(7)
    void anInstancePortRangeTakenByOtherProgramsIsExplained() throws Exception {
        Path project = Files.createDirectories(work.resolve("projects/dave"));
        // on the running platform: every port of its instance range that is still free, taken by another program
        List<ServerSocket> squatters = new ArrayList<>();
        try {
            for (int port = 8200; port <= 8299; port++) {
                try {
                    squatters.add(new ServerSocket(port, 50, InetAddress.getLoopbackAddress()));
                } catch (IOException taken) {
                    // an instance's, or another program's already
                }
            }

            Result result = run(env, project, "--no-run", "dave", project.toString(), "quick");

            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.output())
                    .contains("the instance of 'dave' did not start")
                    .contains("No free ports left in the range 8200-8299");
        } finally {
            for (ServerSocket squatter : squatters) {
                squatter.close();
            }
        }
    }

    @Test
    @Order(8)
    void aServiceThatFailsToStartShowsTheEndOfItsLog() throws Exception {
        Path home = Files.createDirectories(work.resolve("home-broken-profiles"));
        Files.writeString(
                home.resolve("quality-profiles.yml"),
                "paradise:\n  quality:\n    profiles:\n      nightly:\n        categories: [unit, fuzzing]\n");
        Map<String, String> broken = environment(home);
        try {
            Result result = run(broken, workspace, "--platform-only");

            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.output())
                    .contains("quality-orchestrator exited while starting: java.lang.IllegalArgumentException: quality"
                            + " profile nightly: unknown category 'fuzzing'")
                    .contains("the end of its log");
        } finally {
            run(broken, work, "--stop");
        }
    }
}
