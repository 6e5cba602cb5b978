package io.devopsparadise.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.gateway.support.GatewayContext;
import io.devopsparadise.gateway.support.McpClientProcess;
import io.devopsparadise.testsupport.Corpora;
import io.devopsparadise.testsupport.Fixtures;
import io.devopsparadise.testsupport.InstanceManagerProcess;
import io.devopsparadise.testsupport.RepoPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;
import tools.jackson.databind.JsonNode;

/**
 * The code backend end to end: the real instance-manager runs the bridge with the real lsmcp, pyright and
 * typescript-language-server for a client (boltons, cloned from the corpora, in a container of the image built on
 * this machine; a TypeScript fixture as a local process), and the reference TypeScript SDK client calls its tools
 * through the gateway. Expected locations come from {@code grep -w} over the same files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@Isolated(
        "it holds the language servers to answering fully right after HEALTHY; beside another class, on two cores, the"
                + " TypeScript server answered part of the references and no diagnostics yet")
class CodeBackendIntegrationTests {

    /** Claude Code names a tool mcp__<server>__<tool>; the setup registers the server as "devops-paradise". */
    private static final String CLAUDE_CODE_PREFIX = "mcp__devops-paradise__";

    private static final Pattern LOCATION = Pattern.compile("(?m)^([\\w./-]+\\.\\w+):(\\d+):\\d+$");

    private Path work;
    private InstanceManagerProcess manager;
    private GatewayContext gateway;

    @BeforeAll
    void start() throws Exception {
        work = Files.createTempDirectory("code-backend");
        Path workspaces = Files.createDirectories(work.resolve("workspaces"));
        manager = InstanceManagerProcess.start(Files.createDirectories(work.resolve("manager")), workspaces);
        gateway = GatewayContext.start(Files.createDirectories(work.resolve("gateway")), manager);
    }

    @AfterAll
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (manager != null) {
            manager.close();
        }
    }

    @Test
    void findsInARealRepositoryExactlyTheReferencesGrepFinds() throws Exception {
        Path boltons = Corpora.clone("boltons", work.resolve("workspaces/boltons"));
        giveToADeveloper(boltons);
        String token = gateway.register("boltons-dev", boltons, "code");

        try (McpClientProcess mcp = McpClientProcess.connect(gateway.url("/mcp"), token, false)) {
            JsonNode instance = GatewayContext.json(gateway.admin("GET", "/api/clients/boltons-dev", null)
                            .body())
                    .path("instance");
            assertThat(instance.path("state").asString()).isEqualTo("HEALTHY");
            assertThat(instance.path("engine").asString()).isEqualTo("docker");

            // the first call after HEALTHY meets an indexed workspace: it answers within a 10 s deadline
            JsonNode references = mcp.call(
                    "lsp_find_references",
                    Map.of(
                            "relativePath",
                            "boltons/fileutils.py",
                            "line",
                            lineOf(boltons.resolve("boltons/fileutils.py"), "def rotate_file("),
                            "symbolName",
                            "rotate_file"),
                    10_000);

            assertThat(references.path("ok").asBoolean())
                    .as(references.toString())
                    .isTrue();
            assertThat(locations(references))
                    .isEqualTo(grepWords(boltons, "rotate_file", ".py"))
                    .hasSizeGreaterThan(3);
        }
    }

    @Test
    void aProcessInstanceReportsAPlantedTypeScriptError() throws Exception {
        Path project = Fixtures.copy(
                RepoPaths.root().resolve("bridge-gateway/src/test/resources/fixtures/ts-project"),
                work.resolve("workspaces/shapes"));
        Files.writeString(project.resolve("src/broken.ts"), """
                import { label } from "./label";

                export const count: number = label();
                """);
        String token = gateway.register("shapes-dev", project, "code-process");

        try (McpClientProcess mcp = McpClientProcess.connect(gateway.url("/mcp"), token, false)) {
            JsonNode references = mcp.call(
                    "lsp_find_references",
                    Map.of(
                            "relativePath",
                            "src/geometry.ts",
                            "line",
                            lineOf(project.resolve("src/geometry.ts"), "export function area("),
                            "symbolName",
                            "area"),
                    10_000);
            JsonNode diagnostics = mcp.call("lsp_get_diagnostics", Map.of("relativePath", "src/broken.ts"));

            assertThat(locations(references)).as(references.toString()).isEqualTo(grepWords(project, "area", ".ts"));
            String report = text(diagnostics);
            assertThat(report)
                    .as(report)
                    .contains("not assignable to type 'number'")
                    .contains("line " + lineOf(project.resolve("src/broken.ts"), "export const count"));
        }
    }

    @Test
    void noToolNameIsTooLongForClaudeCodeNorAnyPathOutsideTheWorkspace() throws Exception {
        Path project = Fixtures.copy(
                RepoPaths.root().resolve("bridge-gateway/src/test/resources/fixtures/ts-project"),
                work.resolve("workspaces/limits"));
        Files.writeString(work.resolve("workspaces/secret.ts"), "export const secret = 42;\n");
        Files.createSymbolicLink(project.resolve("src/link.ts"), work.resolve("workspaces/secret.ts"));
        String token = gateway.register("limits-dev", project, "code-process");

        try (McpClientProcess mcp = McpClientProcess.connect(gateway.url("/mcp"), token, false)) {
            List<String> tools = mcp.list()
                    .path("tools")
                    .valueStream()
                    .map(JsonNode::asString)
                    .toList();
            JsonNode upward = mcp.call("lsp_get_document_symbols", Map.of("relativePath", "../secret.ts"));
            JsonNode throughLink = mcp.call("lsp_get_document_symbols", Map.of("relativePath", "src/link.ts"));
            JsonNode otherRoot =
                    mcp.call("lsp_get_document_symbols", Map.of("root", "/", "relativePath", "etc/passwd"));
            JsonNode memoryUpward = mcp.call("read_memory", Map.of("memoryName", ".."));
            JsonNode memoryPath = mcp.call("write_memory", Map.of("memoryName", "../../.bashrc", "content", "x"));
            // the TypeScript preset's import tools read the file their filePath names: not offered, and refused
            JsonNode imports = mcp.call("parse_imports", Map.of("filePath", "../secret.ts"));

            assertThat(tools)
                    .contains(
                            "lsp_find_references",
                            "lsp_get_diagnostics",
                            "get_symbols_overview",
                            "paradise_quality_run");
            assertThat(tools)
                    .allSatisfy(name -> assertThat(CLAUDE_CODE_PREFIX + name).hasSizeLessThanOrEqualTo(64));
            assertThat(upward.path("error").asString()).contains("leads outside the workspace");
            assertThat(throughLink.path("error").asString()).contains("leads outside the workspace");
            assertThat(otherRoot.path("error").asString()).contains("root must be the workspace");
            assertThat(memoryUpward.path("error").asString()).contains("memoryName must be a plain name");
            assertThat(memoryPath.path("error").asString()).contains("memoryName must be a plain name");
            assertThat(tools).doesNotContain("parse_imports", "resolve_symbol", "get_available_external_symbols");
            assertThat(imports.path("error").asString()).contains("unknown tool 'parse_imports'");
        }
    }

    /** A container runs as its workspace's owner, never as root: as root (CI), hand the clone to an unprivileged user. */
    private static void giveToADeveloper(Path workspace) throws Exception {
        if (Integer.valueOf(0).equals(Files.getAttribute(workspace, "unix:uid"))) {
            Process chown = new ProcessBuilder("chown", "-R", "65534:65534", workspace.toString())
                    .inheritIO()
                    .start();
            assertThat(chown.waitFor()).isZero();
        }
    }

    private static String text(JsonNode answer) {
        assertThat(answer.path("ok").asBoolean()).as(answer.toString()).isTrue();
        return answer.path("result")
                .path("content")
                .valueStream()
                .map(part -> part.path("text").asString())
                .collect(Collectors.joining("\n"));
    }

    /** "file:line" of each location an lsmcp answer lists. */
    private static Set<String> locations(JsonNode answer) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = LOCATION.matcher(text(answer));
        while (matcher.find()) {
            found.add(matcher.group(1) + ":" + matcher.group(2));
        }
        return found;
    }

    /** "file:line" of every line where {@code word} occurs as a word, in files ending in {@code suffix}, as grep finds them. */
    private static Set<String> grepWords(Path root, String word, String suffix) throws Exception {
        Process grep = new ProcessBuilder("grep", "-rnw", "--include=*" + suffix, word, ".")
                .directory(root.toFile())
                .start();
        String output = new String(grep.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(grep.waitFor(1, TimeUnit.MINUTES)).isTrue();
        Set<String> found = new TreeSet<>();
        for (String line : output.lines().toList()) {
            String[] parts = line.split(":", 3);
            found.add(parts[0].replaceFirst("^\\./", "") + ":" + parts[1]);
        }
        return found;
    }

    private static int lineOf(Path file, String text) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }
}
