package io.devopsparadise.testsupport;

import io.devopsparadise.security.PortHolders;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One of the platform's services, run from its built jar as its own process on a free port, as in production (or, with
 * {@code -Dparadise.test.shared-class-archive=true}, extracted and with a class archive: {@link SharedClassArchive}).
 */
public class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = Http.client();

    private Process process;
    /**
     * A test's services live for seconds and do little: the client compiler alone and the serial collector start them
     * about 2 s sooner (of 7) on a 2-core machine, which the suite's dozens of starts add up.
     */
    public static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private int port;
    private final String name;
    private final Path logDir;
    /** How many times a service is started on another free port when a program took its port first. */
    private static final int PORT_ATTEMPTS = 3;

    protected ServiceProcess(String name, Path jar, Path logDir, List<String> arguments) throws Exception {
        this(name, jar, logDir, java.util.Map.of(), arguments);
    }

    protected ServiceProcess(
            String name, Path jar, Path logDir, java.util.Map<String, String> environment, List<String> arguments)
            throws Exception {
        this(name, jar, logDir, environment, arguments, freePort(), true);
    }

    /**
     * Services still running when the test JVM ends: a class whose set-up failed half-way never closes what it started,
     * and a service left behind would run on (and hold its ports) after the build.
     */
    private static final java.util.Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "service-process-reaper"));
    }

    private ServiceProcess(
            String name,
            Path jar,
            Path logDir,
            java.util.Map<String, String> environment,
            List<String> arguments,
            int port,
            boolean portChosenHere)
            throws Exception {
        this.name = name;
        this.logDir = logDir;
        for (int attempt = 1; ; attempt++) {
            try {
                launch(jar, environment, arguments, port);
                return;
            } catch (PortTakenException e) {
                // freePort() only saw the port free: another program (a test beside this one) may bind it first
                if (!portChosenHere || attempt >= PORT_ATTEMPTS) {
                    throw e;
                }
                port = freePort();
            }
        }
    }

    private void launch(Path jar, java.util.Map<String, String> environment, List<String> arguments, int port)
            throws Exception {
        this.port = port;
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(JVM_FLAGS);
        // off by default: in three of the five CI runs that launched services this way, one request to the gateway went
        // unanswered (the closing note of this change has the details); -Dparadise.test.shared-class-archive=true
        // turns it on
        command.addAll(
                Boolean.getBoolean("paradise.test.shared-class-archive")
                        ? SharedClassArchive.launch(jar, JVM_FLAGS)
                        : List.of("-jar", jar.toString()));
        command.add("--server.port=" + port);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logDir.resolve(name + ".out").toFile());
        // the service's data (databases, tokens) goes into the test's directory, never into the user's
        // ~/.devops-paradise
        builder.environment().put("PARADISE_HOME", logDir.toString());
        builder.environment()
                .put("PARADISE_SERVICE_TOKEN_FILE", ServiceCredential.file().toString());
        builder.environment()
                .put(
                        "PARADISE_MONITORING_TOKEN_FILE",
                        ServiceCredential.monitoringFile().toString());
        builder.environment().putAll(environment);
        this.process = builder.start();
        RUNNING.add(process);
        try {
            awaitHealthy();
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    public static ServiceProcess start(String module, Path logDir, String... arguments) throws Exception {
        return new ServiceProcess(module, RepoPaths.serviceJar(module), logDir, List.of(arguments));
    }

    /** Starts a service on a port chosen before (with {@link #freePort()}), for two services that each need the other's address. */
    public static ServiceProcess startOn(int port, String module, Path logDir, String... arguments) throws Exception {
        return new ServiceProcess(
                module, RepoPaths.serviceJar(module), logDir, java.util.Map.of(), List.of(arguments), port, false);
    }

    /** Starts a service with extra environment variables, as the start script passes the platform's settings. */
    public static ServiceProcess start(
            String module, Path logDir, java.util.Map<String, String> environment, String... arguments)
            throws Exception {
        return new ServiceProcess(module, RepoPaths.serviceJar(module), logDir, environment, List.of(arguments));
    }

    private void awaitHealthy() throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                String output = readOutput();
                if (output.contains("Port " + port + " was already in use")) {
                    throw new PortTakenException(name + " found its port " + port + " taken");
                }
                throw new IllegalStateException(name + " exited with " + process.exitValue());
            }
            try {
                // a 200 from another program that took the port is no answer of this service's
                if (HTTP.send(
                                                HttpRequest.newBuilder(url("/actuator/health"))
                                                        .build(),
                                                HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200
                        && heldBy(process, port)) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not become healthy in 90 s");
    }

    private String readOutput() {
        try {
            return java.nio.file.Files.readString(logDir.resolve(name + ".out"));
        } catch (IOException | java.io.UncheckedIOException unreadable) {
            return "";
        }
    }

    /** The service could not bind the port it was given: another program holds it. */
    static final class PortTakenException extends IllegalStateException {
        PortTakenException(String message) {
            super(message);
        }
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public int port() {
        return port;
    }

    /** The service's JVM, whose descendants are what it started (an instance-manager's process instances). */
    public ProcessHandle processHandle() {
        return process.toHandle();
    }

    public String get(String path) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(url(path))
                                .header("Authorization", ServiceCredential.authorization())
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        RUNNING.remove(process);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Whether the service itself listens on the port (believed where /proc cannot tell). */
    private static boolean heldBy(Process process, int port) {
        PortHolders.Holder holder = PortHolders.of(port, Optional.of(process.toHandle()));
        return holder == PortHolders.Holder.OURS || holder == PortHolders.Holder.UNKNOWN;
    }
}
