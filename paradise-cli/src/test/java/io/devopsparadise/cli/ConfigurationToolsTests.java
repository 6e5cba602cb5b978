package io.devopsparadise.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The configuration generator and validators of paradise-cli. */
class ConfigurationToolsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private final McpConfigs configs = new McpConfigs(JSON);

    private String claudeCodeConfiguration() {
        return JSON.writeValueAsString(configs.claudeCode(
                "devops-paradise", URI.create("http://127.0.0.1:8100/mcp"), "DEVOPS_PARADISE_TOKEN"));
    }

    private String genericConfiguration() {
        return JSON.writeValueAsString(
                configs.mcpServers("devops-paradise", URI.create("http://127.0.0.1:8100/mcp"), "MY_TOKEN"));
    }

    @Test
    void aGeneratedClaudeCodeConfigurationTakesTheTokenFromTheEnvironment() {
        assertThat(claudeCodeConfiguration())
                .isEqualTo("{\"mcpServers\":{\"devops-paradise\":{\"url\":\"http://127.0.0.1:8100/mcp\","
                        + "\"headers\":{\"Authorization\":\"Bearer ${DEVOPS_PARADISE_TOKEN}\"},\"type\":\"http\"}}}");
    }

    @Test
    void aGeneratedGenericConfigurationTakesTheTokenFromTheEnvironment() {
        assertThat(genericConfiguration())
                .contains("\"Authorization\":\"Bearer ${MY_TOKEN}\"")
                .doesNotContain("\"type\"");
    }

    @Test
    void generatedConfigurationsPassTheValidator() throws Exception {
        assertThat(new McpConfigValidator(JSON).validate(file("claude.json", claudeCodeConfiguration())))
                .isEmpty();
        assertThat(new McpConfigValidator(JSON).validate(file("generic.json", genericConfiguration())))
                .isEmpty();
    }

    @Test
    void aTokenVariableThatIsNotAVariableNameIsRefused() {
        assertThatThrownBy(() -> configs.claudeCode("p", URI.create("http://h/mcp"), "not a variable"))
                .hasMessageContaining("environment variable name");
    }

    @Test
    void anMcpConfigurationWithoutMcpServersIsExplained() throws Exception {
        assertThat(new McpConfigValidator(JSON).validate(file("a.json", "{\"servers\":{}}")))
                .containsExactly("mcpServers: missing; the file must hold {\"mcpServers\": {\"<name>\": {…}}}");
    }

    @Test
    void anMcpConfigurationThatIsNotJsonIsExplained() throws Exception {
        assertThat(new McpConfigValidator(JSON).validate(file("b.json", "{\"mcpServers\":")))
                .singleElement()
                .asString()
                .contains("is not valid JSON");
    }

    @Test
    void eachBrokenMcpServerSettingIsExplainedAtItsPath() throws Exception {
        assertThat(new McpConfigValidator(JSON).validate(file("c.json", """
                {"mcpServers": {
                  "paradise": {"type": "websocket", "url": "ftp://x", "headers": {"Authorization": "Bearer pdb_abcdefghijklmnopqrstuvwxyz012345"}},
                  "local": {"type": "stdio"},
                  "other": {"url": "http://127.0.0.1:8100/mcp", "headers": {"X-Token": "${not valid}"}}
                }}""")))
                .containsExactly(
                        "mcpServers.paradise.type: 'websocket' is not one of [http, streamable-http, sse, stdio]",
                        "mcpServers.paradise.url: 'ftp://x' is not an http(s) URL",
                        "mcpServers.paradise.headers.Authorization: holds a token in clear; use Bearer ${DEVOPS_PARADISE_TOKEN} and set the variable",
                        "mcpServers.local.command: a stdio server needs the command to run",
                        "mcpServers.other.headers.X-Token: '${not valid}' is not an environment variable reference");
    }

    @Test
    void theProfileTemplateIsAValidProfilesFile() throws Exception {
        String template = new ProfileTemplates().render("nightly", "comprehensive");

        assertThat(template)
                .contains("nightly:")
                .contains("categories: [unit, lint, security, api, e2e, performance]")
                .contains("min-line-coverage: 0.8");
        assertThat(new ProfilesValidator().validate(file("profiles.yml", template)))
                .isEmpty();
        assertThatThrownBy(() -> new ProfileTemplates().render("bad name", "quick"))
                .hasMessageContaining("not allowed");
        assertThatThrownBy(() -> new ProfileTemplates().render("ok", "huge"))
                .hasMessageContaining("--from must be one of");
    }

    @Test
    void theOrchestratorsOwnProfilesPassTheValidator() {
        Path shipped = Path.of("../quality-orchestrator/src/main/resources/application.yml");

        assertThat(new ProfilesValidator().validate(shipped)).isEmpty();
    }

    @Test
    void eachBrokenProfileSettingIsExplainedAtItsPath() throws Exception {
        Path broken = file("broken.yml", """
                paradise:
                  quality:
                    profiles:
                      nightly:
                        categories: [unit, fuzzing]
                        tool-timeout: soon
                        min-line-coverage: 80
                        max-findings: { severe: 1, high: -1 }
                        fail-fast: maybe
                        target-url: file:///etc/passwd
                        colour: blue
                      empty: {}
                """);

        assertThat(new ProfilesValidator().validate(broken))
                .containsExactlyInAnyOrder(
                        "paradise.quality.profiles.nightly.colour: unknown setting; known: "
                                + io.devopsparadise.contracts.quality.ProfileRules.KEYS,
                        "paradise.quality.profiles.nightly.categories: 'fuzzing' is not one of [unit, lint, semantic, security, api, e2e, performance]",
                        "paradise.quality.profiles.nightly.tool-timeout: 'soon' is not a duration like 90s, 10m or 1h",
                        "paradise.quality.profiles.nightly.min-line-coverage: must be a number from 0 to 1 (0.8 means 80%), got 80",
                        "paradise.quality.profiles.nightly.max-findings.severe: not a severity; use [CRITICAL, HIGH, MEDIUM, LOW, INFO]",
                        "paradise.quality.profiles.nightly.max-findings.high: must be a whole number, 0 or more",
                        "paradise.quality.profiles.nightly.fail-fast: must be true or false",
                        "paradise.quality.profiles.nightly.target-url: 'file:///etc/passwd' must be an http or https URL",
                        "paradise.quality.profiles.empty.categories: give a list of at least one of [unit, lint, semantic, security, api, e2e, performance]");
    }

    @Test
    void aProfilesFileWithoutProfilesIsExplained() throws Exception {
        assertThat(new ProfilesValidator().validate(file("none.yml", "paradise: {}")))
                .singleElement()
                .asString()
                .startsWith("paradise.quality.profiles: missing");
    }

    @Test
    void theCommandLineExitsWithTwoOnMisuse() throws Exception {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(errors, true, StandardCharsets.UTF_8));

        assertThat(ParadiseCli.run(List.of("nonsense"), console)).isEqualTo(2);
        assertThat(ParadiseCli.run(List.of("mcp-config", "--format", "yaml"), console))
                .isEqualTo(2);
        assertThat(ParadiseCli.run(List.of("mcp-config", "--colour", "red"), console))
                .isEqualTo(2);
        assertThat(ParadiseCli.run(
                        List.of("setup", "--workspace", dir.toString(), "--gateway-url", "not a url"), console))
                .isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("unknown command 'nonsense'")
                .contains("--format must be claude-code or mcp-servers")
                .contains("unknown option --colour")
                .contains("--gateway-url must be a URL");
    }

    @Test
    void theCommandLineExitsWithOneOnAnInvalidFile() throws Exception {
        assertThat(ParadiseCli.run(
                        List.of("validate-mcp", file("bad.json", "{}").toString()), silentConsole()))
                .isEqualTo(1);
    }

    @Test
    void theCommandLineExitsWithZeroOnAValidFile() throws Exception {
        assertThat(ParadiseCli.run(
                        List.of(
                                "validate-profiles",
                                file("good.yml", new ProfileTemplates().render("a", "quick"))
                                        .toString()),
                        silentConsole()))
                .isZero();
    }

    private static Console silentConsole() {
        return new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
}
