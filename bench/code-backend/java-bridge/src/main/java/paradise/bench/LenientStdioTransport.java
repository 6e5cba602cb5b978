package paradise.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import reactor.core.publisher.Mono;

/**
 * MCP over a child process's stdio, newline-delimited, that skips a line which is not a JSON-RPC message.
 *
 * <p>
 * Why not the SDK's StdioClientTransport: its reader thread stops for good at the first line that does not parse
 * (mcp-core 2.1.0, startInboundProcessing: `break` on any exception), and lsmcp 0.10.0 prints
 * "[DEBUG] Document symbols for …" with console.log on stdout in every lsp_get_document_symbols: after that call
 * no answer reaches the client and every later request times out. The TypeScript SDK's client reports such a line
 * and reads on. This transport also starts the process in a working directory (the SDK's has no option for it) and
 * ends the whole process tree on close.
 */
final class LenientStdioTransport implements McpClientTransport {

	private final List<String> command;

	private final Path directory;

	private final Map<String, String> environment;

	private final McpJsonMapper json;

	private final Consumer<String> stderr;

	private Process process;

	private OutputStream stdin;

	private volatile boolean closing;

	LenientStdioTransport(List<String> command, Path directory, Map<String, String> environment, McpJsonMapper json,
			Consumer<String> stderr) {
		this.command = command;
		this.directory = directory;
		this.environment = environment;
		this.json = json;
		this.stderr = stderr;
	}

	@Override
	public Mono<Void> connect(Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler) {
		return Mono.fromRunnable(() -> {
			ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
			builder.environment().clear();
			builder.environment().putAll(environment);
			try {
				process = builder.start();
			}
			catch (IOException e) {
				throw new IllegalStateException("cannot start " + command, e);
			}
			stdin = process.getOutputStream();
			daemon("lsmcp-stdout", () -> readLines(process.getInputStream(), line -> {
				if (!line.startsWith("{")) {
					return; // lsmcp's console.log output
				}
				JSONRPCMessage message;
				try {
					message = McpSchema.deserializeJsonRpcMessage(json, line);
				}
				catch (IOException | RuntimeException e) {
					stderr.accept("not a JSON-RPC message on stdout: " + abbreviate(line));
					return;
				}
				handler.apply(Mono.just(message)).subscribe();
			}));
			daemon("lsmcp-stderr", () -> readLines(process.getErrorStream(), stderr));
		});
	}

	private void readLines(java.io.InputStream stream, Consumer<String> consumer) {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
			for (String line; (line = reader.readLine()) != null;) {
				consumer.accept(line);
			}
		}
		catch (IOException e) {
			if (!closing) {
				stderr.accept("reading from lsmcp failed: " + e.getMessage());
			}
		}
	}

	@Override
	public Mono<Void> sendMessage(JSONRPCMessage message) {
		return Mono.fromRunnable(() -> {
			try {
				byte[] line = (json.writeValueAsString(message).replace("\n", "\\n") + "\n").getBytes(StandardCharsets.UTF_8);
				synchronized (this) {
					stdin.write(line);
					stdin.flush();
				}
			}
			catch (IOException e) {
				throw new IllegalStateException("cannot write to lsmcp", e);
			}
		});
	}

	@Override
	public Mono<Void> closeGracefully() {
		return Mono.fromRunnable(this::stop);
	}

	/** SIGTERM to lsmcp and its language server, SIGKILL to what is left after 3 s. */
	void stop() {
		closing = true;
		if (process == null) {
			return;
		}
		List<ProcessHandle> tree = process.descendants().toList();
		process.destroy();
		tree.forEach(ProcessHandle::destroy);
		try {
			process.waitFor(3, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		process.destroyForcibly();
		tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
	}

	@Override
	public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
		return json.convertValue(data, type);
	}

	private static void daemon(String name, Runnable body) {
		Thread thread = new Thread(body, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static String abbreviate(String line) {
		return line.length() > 200 ? line.substring(0, 200) + "…" : line;
	}

}
