package io.devopsparadise.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * tools/node/audit-endpoint.mjs: a stand-in for the npm registry's audit endpoint, which cannot be reached from this
 * machine. npm audit runs for real against it; only the advisory database is replaced by a file of advisories.
 */
public final class AuditEndpoint implements AutoCloseable {

    private final Process process;
    private final int port;

    private AuditEndpoint(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static AuditEndpoint start(Path advisories) throws Exception {
        Process process = new ProcessBuilder(
                        "node",
                        RepoPaths.nodeTools().resolve("audit-endpoint.mjs").toString(),
                        advisories.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> readLine(output)).get(20, TimeUnit.SECONDS);
        if (line == null || !line.startsWith("listening on ")) {
            process.destroyForcibly();
            throw new IllegalStateException("the audit endpoint stand-in did not start: " + line);
        }
        return new AuditEndpoint(
                process,
                Integer.parseInt(line.substring("listening on ".length()).strip()));
    }

    private static String readLine(BufferedReader output) {
        try {
            return output.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    /** The registry URL to give npm ({@code --registry}). */
    public URI registry() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    @Override
    public void close() {
        process.destroy();
    }
}
