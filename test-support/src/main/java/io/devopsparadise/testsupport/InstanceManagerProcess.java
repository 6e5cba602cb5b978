package io.devopsparadise.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real instance-manager, run from its jar as its own process, as in production. */
public final class InstanceManagerProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final int port;

    private InstanceManagerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static InstanceManagerProcess start(Path home, Path workspaceRoot, String... extra) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of("java", "-jar", RepoPaths.instanceManagerJar().toString(),
                "--server.port=" + port,
                "--paradise.instances.home=" + home,
                "--paradise.instances.allowed-workspace-roots=" + workspaceRoot,
                "--paradise.node-modules=" + RepoPaths.nodeTools().resolve("node_modules"),
                "--paradise.instances.default-profile=everything",
                "--paradise.instances.max-instances=100",
                "--paradise.instances.health.interval=300ms",
                "--paradise.instances.restart.initial-backoff=200ms"));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("instance-manager.out").toFile()).start();
        InstanceManagerProcess manager = new InstanceManagerProcess(process, port);
        manager.awaitHealthy();
        return manager;
    }

    private void awaitHealthy() throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("instance-manager exited with " + process.exitValue());
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(url("/actuator/health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("instance-manager did not become healthy in 90 s");
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public String get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Instance ids currently known to the manager. */
    public List<String> instanceIds() throws Exception {
        List<String> ids = new ArrayList<>();
        Matcher matcher = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(get("/api/instances"));
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    public void deleteAllInstances() throws Exception {
        for (String id : instanceIds()) {
            HTTP.send(HttpRequest.newBuilder(url("/api/instances/" + id)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    @Override
    public void close() throws Exception {
        deleteAllInstances();
        process.destroy();
        if (!process.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
