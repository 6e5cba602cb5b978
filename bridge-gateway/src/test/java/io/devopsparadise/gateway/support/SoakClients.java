package io.devopsparadise.gateway.support;

import io.devopsparadise.testsupport.RepoPaths;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reference TypeScript SDK clients (tools/node/mcp-client.mjs soak) making echo calls in a loop until stopped, with no
 * retries of their own: what they count as failed is what a client would see.
 */
public final class SoakClients implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final Writer in;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final BlockingQueue<JsonNode> answers = new LinkedBlockingQueue<>();

    /** One target per registered client: {@code sessions} sessions each, all through {@code url}. */
    public record Target(String url, String token, int sessions) {}

    private SoakClients(Process process) {
        this.process = process;
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::read, "soak-clients");
        reader.setDaemon(true);
        reader.start();
    }

    public static SoakClients start(Path directory, List<Target> targets) throws Exception {
        Path file = directory.resolve("soak-targets.json");
        Files.writeString(file, JSON.writeValueAsString(targets));
        return new SoakClients(new ProcessBuilder(
                        "node", RepoPaths.nodeTools().resolve("mcp-client.mjs").toString(), "soak", file.toString())
                .redirectError(directory.resolve("soak-clients.err").toFile())
                .start());
    }

    private void read() {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                JsonNode message = JSON.readTree(line);
                if (message.has("progress")) {
                    calls.set(message.path("progress").path("calls").asLong());
                    errors.set(message.path("progress").path("errors").asLong());
                } else {
                    answers.add(message);
                }
            }
        } catch (Exception ended) {
            // the process ended
        }
    }

    /** Calls answered so far (as of the clients' last progress line, once a second). */
    public long calls() {
        return calls.get();
    }

    public long errors() {
        return errors.get();
    }

    /** Every session calls toggle-simulated-logging: log notifications then come on its GET stream every 5 s. */
    public JsonNode toggleLogging() throws Exception {
        return ask("toggle-logging", Duration.ofSeconds(60));
    }

    /** Each session's id, calls, log notifications received and GET streams opened (more than one: it reconnected). */
    public JsonNode sessions() throws Exception {
        return ask("sessions", Duration.ofSeconds(10)).path("sessions");
    }

    /** Stops the loops (calls in flight finish) and returns the summary: calls, errors, latencies, sessions. */
    public JsonNode stop() throws Exception {
        return ask("stop", Duration.ofSeconds(90)).path("summary");
    }

    private JsonNode ask(String command, Duration timeout) throws Exception {
        in.write(command + "\n");
        in.flush();
        JsonNode answer = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (answer == null) {
            throw new AssertionError("the soak clients did not answer '" + command + "' in " + timeout);
        }
        return answer;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
