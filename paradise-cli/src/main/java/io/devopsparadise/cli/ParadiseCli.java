package io.devopsparadise.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command-line companion of the start scripts:
 * <pre>
 *   setup --workspace DIR --profile NAME [--name CLIENT] [--backend PROFILE] [--no-run] [...]
 *   mcp-config [--format claude-code|mcp-servers] [--url URL] [--server NAME] [--token-variable VAR]
 *   profile-template --name NAME [--from quick|standard|comprehensive]
 *   validate-mcp FILE
 *   validate-profiles FILE
 * </pre>
 */
public final class ParadiseCli {

    private static final String USAGE = """
            usage: java -jar paradise-cli.jar COMMAND [options]
              setup --workspace DIR --profile NAME [--name CLIENT] [--backend PROFILE] [--memory 2GB] [--cpus 1.5] [--no-run]
                    [--mcp-scope user|local|project]
                    [--home DIR] [--gateway-url URL] [--instance-manager-url URL] [--orchestrator-url URL]
                    [--report-service-url URL] [--dashboard-url URL] [--token-variable VAR] [--run-timeout 30m]
                  register the client (or reuse it), start its instance, configure Claude Code, run the first report
              mcp-config [--format claude-code|mcp-servers] [--url URL] [--server NAME] [--token-variable VAR]
                  print an MCP configuration for the gateway (the token comes from an environment variable)
              profile-template --name NAME [--from quick|standard|comprehensive]
                  print a commented custom quality profile for $PARADISE_HOME/quality-profiles.yml
              validate-mcp FILE          check an MCP configuration (.mcp.json or mcpServers JSON)
              validate-profiles FILE     check a quality profiles file
            """;

    private ParadiseCli() {}

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), new Console(System.err)));
    }

    static int run(List<String> args, Console console) {
        if (args.isEmpty() || Set.of("help", "--help", "-h").contains(args.get(0))) {
            System.out.print(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        JsonMapper json = JsonMapper.builder().build();
        try {
            List<String> rest = args.subList(1, args.size());
            switch (args.get(0)) {
                case "setup":
                    return setup(new Arguments(rest, Set.of("no-run")), json, console);
                case "mcp-config":
                    return mcpConfig(new Arguments(rest, Set.of()), json);
                case "profile-template":
                    return profileTemplate(new Arguments(rest, Set.of()));
                case "validate-mcp":
                    return report(new McpConfigValidator(json).validate(file(rest)), console);
                case "validate-profiles":
                    return report(new ProfilesValidator().validate(file(rest)), console);
                default:
                    throw CliException.usage("unknown command '" + args.get(0) + "'\n" + USAGE);
            }
        } catch (CliException e) {
            console.error(e.getMessage());
            return e.exitCode();
        }
    }

    private static int setup(Arguments args, JsonMapper json, Console console) {
        Path home = Path.of(args.option(
                "home",
                System.getenv().getOrDefault("PARADISE_HOME", System.getProperty("user.home") + "/.devops-paradise")));
        Setup.Options options = new Setup.Options(
                args.option("name", null),
                Path.of(args.required("workspace")),
                args.option("profile", "comprehensive"),
                args.option("backend", null),
                args.option("memory", null),
                cpus(args.option("cpus", null)),
                home,
                url(args, "gateway-url", "http://127.0.0.1:8100"),
                url(args, "instance-manager-url", "http://127.0.0.1:8110"),
                url(args, "orchestrator-url", "http://127.0.0.1:8120"),
                url(args, "report-service-url", "http://127.0.0.1:8130"),
                url(args, "dashboard-url", "http://127.0.0.1:8140"),
                !args.flag("no-run"),
                args.option("mcp-scope", "user"),
                args.option("token-variable", McpConfigs.DEFAULT_TOKEN_VARIABLE),
                duration(args.option("run-timeout", "30m")));
        args.rejectUnknown();
        if (!Set.of("user", "local", "project").contains(options.mcpScope())) {
            throw CliException.usage("--mcp-scope must be user, local or project");
        }
        new Setup(options, new PlatformApi(json), json, console, ClaudeCode::find).run();
        return 0;
    }

    private static int mcpConfig(Arguments args, JsonMapper json) {
        String format = args.option("format", "claude-code");
        URI url = url(args, "url", "http://127.0.0.1:8100/mcp");
        String server = args.option("server", Setup.SERVER_NAME);
        String variable = args.option("token-variable", McpConfigs.DEFAULT_TOKEN_VARIABLE);
        args.rejectUnknown();
        McpConfigs configs = new McpConfigs(json);
        var config = switch (format) {
            case "claude-code" -> configs.claudeCode(server, url, variable);
            case "mcp-servers" -> configs.mcpServers(server, url, variable);
            default -> throw CliException.usage("--format must be claude-code or mcp-servers, got '" + format + "'");
        };
        System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(config));
        return 0;
    }

    private static int profileTemplate(Arguments args) {
        String name = args.required("name");
        String from = args.option("from", "standard");
        args.rejectUnknown();
        System.out.print(new ProfileTemplates().render(name, from));
        return 0;
    }

    private static Path file(List<String> args) {
        if (args.size() != 1) {
            throw CliException.usage("give exactly one file to check");
        }
        return Path.of(args.get(0));
    }

    private static int report(List<String> problems, Console console) {
        if (problems.isEmpty()) {
            console.info("valid");
            return 0;
        }
        problems.forEach(console::error);
        return 1;
    }

    private static URI url(Arguments args, String option, String fallback) {
        String value = args.option(option, fallback);
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--" + option + " must be a URL like " + fallback + ", got '" + value + "'");
        }
    }

    private static Double cpus(String value) {
        if (value == null) {
            return null;
        }
        try {
            double cpus = Double.parseDouble(value);
            if (cpus > 0) {
                return cpus;
            }
        } catch (NumberFormatException notANumber) {
            // explained below
        }
        throw CliException.usage("--cpus must be a positive number of cores like 1.5, got '" + value + "'");
    }

    private static Duration duration(String value) {
        if (!value.matches("\\d+[smh]")) {
            throw CliException.usage("--run-timeout must be like 90s, 30m or 2h, got '" + value + "'");
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
