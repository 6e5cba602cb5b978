package io.devopsparadise.cli;

import io.devopsparadise.contracts.clients.ClientNames;
import io.devopsparadise.contracts.quality.RunState;
import io.devopsparadise.security.InsecureFileException;
import io.devopsparadise.security.SecretFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sets one developer up on a running platform, safely rerunnable: registers the client at the gateway (or reuses
 * it), provisions its instance, configures Claude Code, starts the first quality run and waits for its report.
 */
final class Setup {

    static final String SERVER_NAME = "devops-paradise";

    /**
     * @param name     null: the client already registered for the workspace, else user-epoch
     * @param backend  null: the gateway's default backend profile
     */
    record Options(
            String name,
            Path workspace,
            String profile,
            String backend,
            String memory,
            Double cpus,
            Path home,
            URI gateway,
            URI manager,
            URI orchestrator,
            URI reports,
            URI dashboard,
            boolean firstRun,
            String mcpScope,
            String tokenVariable,
            Duration runTimeout) {}

    private final Options options;
    private final PlatformApi api;
    private final JsonMapper json;
    private final Console console;
    /** The {@code claude} CLI to add the server with; none: the workspace's .mcp.json is written instead. */
    private final Supplier<Optional<ClaudeCode>> claudeCode;
    /** The platform's own credential, for the orchestrator's and the report-service's APIs. */
    private String service;

    Setup(
            Options options,
            PlatformApi api,
            JsonMapper json,
            Console console,
            Supplier<Optional<ClaudeCode>> claudeCode) {
        this.options = options;
        this.api = api;
        this.json = json;
        this.console = console;
        this.claudeCode = claudeCode;
    }

    void run() {
        Path workspace = workspace();
        String admin = adminToken();
        this.service = serviceToken();
        requireProfile();
        List<JsonNode> clients = clients(admin);
        String name = options.name() != null ? checkName(options.name()) : defaultName(clients, workspace);
        String token = register(admin, clients, name, workspace);
        provision(name, token);
        configureClaudeCode(name, workspace);
        console.info("dashboard: " + dashboardLink());
        if (options.firstRun()) {
            firstReport(name);
        }
        console.info("MCP endpoint: " + options.gateway().resolve("/mcp") + "  (token in " + tokenFile(name) + ")");
    }

    private Path workspace() {
        Path workspace = options.workspace().toAbsolutePath().normalize();
        if (!Files.isDirectory(workspace)) {
            throw CliException.usage("the workspace " + workspace
                    + " does not exist or is not a directory; give the project directory to work on");
        }
        try {
            return workspace.toRealPath();
        } catch (IOException e) {
            throw new CliException("cannot resolve the workspace " + workspace + ": " + e.getMessage());
        }
    }

    private String adminToken() {
        String configured = System.getenv("PARADISE_ADMIN_TOKEN");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path file = options.home().resolve("admin-token");
        try {
            return SecretFile.read(file);
        } catch (IOException | InsecureFileException e) {
            throw new CliException("cannot read the admin token " + file
                    + " (the gateway writes it at its first start): " + e.getMessage());
        }
    }

    private String serviceToken() {
        String configured = System.getenv("PARADISE_SERVICE_TOKEN_FILE");
        Path file = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : options.home().resolve("service-token");
        try {
            return SecretFile.read(file);
        } catch (IOException | InsecureFileException e) {
            throw new CliException("cannot read the service credential " + file
                    + " (the services write it at their first start): " + e.getMessage());
        }
    }

    /** A one-time sign-in link, so the developer's browser needs no token; the plain address when the dashboard cannot give one. */
    private String dashboardLink() {
        PlatformApi.Answer link;
        try {
            link = api.post("dashboard-ui", options.dashboard().resolve("/api/sign-in-links"), service, Map.of());
        } catch (CliException dashboardDown) {
            return options.dashboard().resolve("/") + "  (not answering yet: " + dashboardDown.getMessage() + ")";
        }
        return link.ok()
                ? link.body().path("url").asString() + "  (a one-time sign-in link, valid "
                        + link.body().path("expiresIn").asString() + ")"
                : options.dashboard().resolve("/") + "  (sign in with the admin token)";
    }

    private void requireProfile() {
        PlatformApi.Answer profiles =
                api.get("quality-orchestrator", options.orchestrator().resolve("/api/profiles"), service);
        List<String> names = StreamSupport.stream(profiles.body().spliterator(), false)
                .map(p -> p.path("name").asString())
                .toList();
        if (!names.contains(options.profile())) {
            throw CliException.usage("unknown quality profile '" + options.profile() + "'; known: " + names
                    + " (custom ones go into " + options.home().resolve("quality-profiles.yml") + ")");
        }
    }

    private static String checkName(String name) {
        if (!ClientNames.isValid(name)) {
            throw CliException.usage("client name '" + name + "' is not allowed: " + ClientNames.RULE);
        }
        return name;
    }

    private static String defaultName(List<JsonNode> clients, Path workspace) {
        return clients.stream()
                .filter(c -> workspace.toString().equals(c.path("workspace").asString()))
                .map(c -> c.path("name").asString())
                .findFirst()
                .orElseGet(
                        () -> checkName(System.getProperty("user.name", "dev").replaceAll("[^A-Za-z0-9._-]", "") + "-"
                                + Instant.now().getEpochSecond()));
    }

    private List<JsonNode> clients(String admin) {
        PlatformApi.Answer list = api.get("bridge-gateway", options.gateway().resolve("/api/clients"), admin);
        if (!list.ok()) {
            throw new CliException("the gateway refused to list clients: " + list.problem()
                    + (list.status() == 401
                            ? " (the admin token in " + options.home().resolve("admin-token")
                                    + " does not match the gateway's)"
                            : ""));
        }
        return StreamSupport.stream(list.body().spliterator(), false).toList();
    }

    /** Registers the client, or reuses it (issuing a new token when this machine has none on file). */
    private String register(String admin, List<JsonNode> clients, String name, Path workspace) {
        Optional<JsonNode> existing = clients.stream()
                .filter(c -> name.equals(c.path("name").asString()))
                .findFirst();
        if (existing.isPresent()) {
            String registeredFor = existing.get().path("workspace").asString();
            if (!workspace.toString().equals(registeredFor)) {
                throw CliException.usage("client '" + name + "' is registered for the workspace " + registeredFor
                        + "; pick another name for " + workspace + ", or delete it first (DELETE "
                        + options.gateway().resolve("/api/clients/" + name) + ")");
            }
            if (options.memory() != null || options.cpus() != null) {
                console.info("note: '" + name + "' keeps the limits it was registered with "
                        + existing.get().path("limits") + "; delete the client and rerun to change them");
            }
            Optional<String> saved = savedToken(name);
            if (saved.isPresent()) {
                console.info("client '" + name + "' is already registered; reusing it");
                return saved.get();
            }
            console.info("client '" + name + "' is registered but its token is not on file here: issuing a new one");
            return saveToken(
                    name,
                    answerToken(
                            api.post(
                                    "bridge-gateway",
                                    options.gateway().resolve("/api/clients/" + name + "/token"),
                                    admin,
                                    Map.of()),
                            name));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("workspace", workspace.toString());
        body.put("qualityProfile", options.profile());
        if (options.backend() != null) {
            body.put("backendProfile", options.backend());
        }
        if (options.memory() != null) {
            body.put("memory", options.memory());
        }
        if (options.cpus() != null) {
            body.put("cpus", options.cpus());
        }
        PlatformApi.Answer registered =
                api.post("bridge-gateway", options.gateway().resolve("/api/clients"), admin, body);
        console.info("registered client '" + name + "' for " + workspace);
        return saveToken(name, answerToken(registered, name));
    }

    private static String answerToken(PlatformApi.Answer answer, String name) {
        if (!answer.ok()) {
            throw new CliException("the gateway did not register '" + name + "': " + answer.problem());
        }
        return answer.body().path("token").asString();
    }

    Path tokenFile(String name) {
        return options.home().resolve("clients").resolve(name).resolve("token");
    }

    private Optional<String> savedToken(String name) {
        try {
            return Files.exists(tokenFile(name))
                    ? Optional.of(Files.readString(tokenFile(name)).strip())
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The token stays on this machine in a file only its owner can read, as the admin token does. */
    private String saveToken(String name, String token) {
        Path file = tokenFile(name);
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, token);
        } catch (UnsupportedOperationException e) {
            writeQuietly(file, token);
        } catch (IOException e) {
            throw new CliException("cannot save the client token to " + file + ": " + e.getMessage());
        }
        return token;
    }

    private static void writeQuietly(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The client's first MCP request makes the gateway provision its instance and wait until it answers. A backend
     * that indexes the workspace first (the code backend) may take longer than the gateway waits: the gateway then
     * says so (503, "still indexing"), and the request is repeated.
     */
    private void provision(String name, String token) {
        console.info("starting the instance of '" + name
                + "' (first time: up to a minute; the code backend indexes the workspace first)");
        Map<String, Object> initialize = Map.of(
                "jsonrpc",
                "2.0",
                "id",
                1,
                "method",
                "initialize",
                "params",
                Map.of(
                        "protocolVersion",
                        "2025-06-18",
                        "capabilities",
                        Map.of(),
                        "clientInfo",
                        Map.of("name", "paradise-setup", "version", "1")));
        long deadline = System.nanoTime() + INDEXING_PATIENCE.toNanos();
        PlatformApi.Answer answer =
                api.mcp(options.gateway().resolve("/mcp"), token, initialize, Duration.ofMinutes(3));
        while (stillIndexing(answer) && System.nanoTime() < deadline) {
            console.info(answer.body().path("error").path("message").asString("still indexing"));
            answer = api.mcp(options.gateway().resolve("/mcp"), token, initialize, Duration.ofMinutes(3));
        }
        if (!answer.ok() || answer.body().has("error")) {
            throw new CliException("the instance of '" + name + "' did not start: "
                    + answer.body().path("error").path("message").asString(answer.problem()));
        }
        JsonNode status = api.get("bridge-gateway", options.gateway().resolve("/api/clients/" + name), token)
                .body()
                .path("instance");
        console.info("instance of '" + name + "' is " + status.path("state").asString("up") + " ("
                + status.path("engine").asString("") + ", MCP port "
                + status.path("ports").path("mcp").asString("?") + ")");
    }

    private static boolean stillIndexing(PlatformApi.Answer answer) {
        return answer.status() == 503
                && answer.body().path("error").path("message").asString("").contains("still indexing");
    }

    private void configureClaudeCode(String name, Path workspace) {
        McpConfigs configs = new McpConfigs(json);
        URI mcp = options.gateway().resolve("/mcp");
        Path clientDir = tokenFile(name).getParent();
        write(clientDir.resolve("claude-code.mcp.json"), configs.claudeCode(SERVER_NAME, mcp, options.tokenVariable()));
        write(clientDir.resolve("mcp-servers.json"), configs.mcpServers(SERVER_NAME, mcp, options.tokenVariable()));
        Optional<ClaudeCode> claude = claudeCode.get();
        if (claude.isPresent()) {
            claude.get().addServer(SERVER_NAME, mcp.toString(), options.tokenVariable(), options.mcpScope(), workspace);
            console.info("Claude Code: added MCP server '" + SERVER_NAME + "' (" + options.mcpScope()
                    + " scope); check with: claude mcp list");
        } else {
            Path projectConfig = workspace.resolve(".mcp.json");
            write(projectConfig, merged(projectConfig, configs.claudeCode(SERVER_NAME, mcp, options.tokenVariable())));
            console.info("Claude Code: wrote " + projectConfig);
        }
        console.info(
                "Claude Code reads the token from $" + options.tokenVariable() + "; before starting claude run: export "
                        + options.tokenVariable() + "=$(cat " + tokenFile(name) + ")");
        console.info("other MCP clients: " + clientDir.resolve("mcp-servers.json"));
    }

    /** Keeps the other servers of an existing .mcp.json. */
    private ObjectNode merged(Path file, ObjectNode ours) {
        if (!Files.exists(file)) {
            return ours;
        }
        try {
            JsonNode existing = json.readTree(Files.readString(file));
            if (existing.isObject() && existing.path("mcpServers").isObject()) {
                ObjectNode merged = (ObjectNode) existing;
                ((ObjectNode) merged.path("mcpServers"))
                        .set(SERVER_NAME, ours.path("mcpServers").path(SERVER_NAME));
                return merged;
            }
        } catch (IOException | RuntimeException e) {
            throw new CliException(file + " exists but is not an MCP configuration (" + e.getMessage()
                    + "); fix or move it and rerun");
        }
        throw new CliException(file + " exists but has no mcpServers object; fix or move it and rerun");
    }

    private void write(Path file, JsonNode content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(content) + "\n");
        } catch (IOException e) {
            throw new CliException("cannot write " + file + ": " + e.getMessage());
        }
    }

    private void firstReport(String name) {
        PlatformApi.Answer started = api.post(
                "quality-orchestrator",
                options.orchestrator().resolve("/api/runs"),
                service,
                Map.of("clientId", name, "profile", options.profile()));
        if (!started.ok()) {
            throw new CliException("the quality run did not start: " + started.problem());
        }
        String runId = started.body().path("id").asString();
        console.info("quality run " + runId + " (" + options.profile() + ") started; follow it live at "
                + options.dashboard().resolve("/runs/" + runId));
        Instant deadline = Instant.now().plus(options.runTimeout());
        int reported = -1;
        JsonNode run = started.body();
        while (!finished(run)) {
            if (Instant.now().isAfter(deadline)) {
                throw new CliException("the quality run " + runId + " did not finish within " + options.runTimeout()
                        + "; it goes on, see " + options.dashboard().resolve("/runs/" + runId));
            }
            sleep(1000);
            run = api.get(
                            "quality-orchestrator",
                            options.orchestrator().resolve("/api/runs/" + runId + "/summary"),
                            service)
                    .body();
            int done = run.path("tools").size();
            if (done != reported) {
                reported = done;
                console.progress("quality run: " + done + " tool(s) finished" + lastTool(run));
            }
        }
        console.info("quality run finished: " + run.path("state").asString() + " — "
                + run.path("verdict").asString());
        JsonNode stored = awaitStored(runId);
        JsonNode summary = stored.path("summary");
        Path html =
                options.home().resolve("reports").resolve(name).resolve(runId).resolve("report.html");
        console.info("first report: grade " + summary.path("grade").asString() + ", score "
                + summary.path("score").asInt() + "/100");
        console.info("  " + html + " (also .json, .md, .sarif, .junit.xml)");
        console.info("  " + options.dashboard().resolve("/runs/" + runId));
    }

    private static String lastTool(JsonNode run) {
        JsonNode tools = run.path("tools");
        if (tools.isEmpty()) {
            return "";
        }
        JsonNode last = tools.get(tools.size() - 1);
        return " (latest: " + last.path("tool").asString() + " "
                + last.path("status").asString() + ")";
    }

    private static boolean finished(JsonNode run) {
        String state = run.path("state").asString("");
        return Arrays.stream(RunState.values())
                .anyMatch(known -> known.isFinished() && known.name().equals(state));
    }

    /** The report-service's answer for a finished run it could not store. */
    private static final int UNPROCESSABLE = 422;
    /** How long a first start may spend indexing a large workspace before the setup gives up. */
    private static final Duration INDEXING_PATIENCE = Duration.ofMinutes(15);

    private JsonNode awaitStored(String runId) {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            PlatformApi.Answer stored =
                    api.get("report-service", options.reports().resolve("/api/runs/" + runId), service);
            if (stored.ok()) {
                return stored.body();
            }
            if (stored.status() == UNPROCESSABLE) {
                throw new CliException("the report-service could not store run " + runId + ": " + stored.problem());
            }
            sleep(500);
        }
        throw new CliException("the report-service has not stored run " + runId + " after 90 s; see its log in "
                + options.home().resolve("logs/report-service.out"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }
}
