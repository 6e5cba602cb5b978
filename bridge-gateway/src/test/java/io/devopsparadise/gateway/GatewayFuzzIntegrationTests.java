package io.devopsparadise.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.gateway.fuzz.Fuzz;
import io.devopsparadise.gateway.fuzz.JsonRpcInputs;
import io.devopsparadise.gateway.support.GatewayContext;
import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InstanceManagerProcess;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the MCP endpoints of a real gateway (guard, JSON-RPC parsing, header checks, routing) with hostile
 * requests: random paths, tokens, Origins, content types, Accept, protocol versions, session ids, Mcp-Method and
 * Mcp-Name headers and bodies. Every answer is one the gateway declares (never a 500), JSON errors are JSON-RPC
 * errors, and every request is answered within 30 s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class GatewayFuzzIntegrationTests {

    private static final HttpClient HTTP = Http.client();
    private static final List<Integer> DECLARED = List.of(200, 202, 204, 400, 401, 403, 404, 405, 406, 413, 415, 429);

    private InstanceManagerProcess manager;
    private GatewayContext gateway;
    private String token;
    private String session;

    @BeforeAll
    void start() throws Exception {
        Path home = Files.createTempDirectory("fuzz-home");
        Path workspaces = Files.createTempDirectory("fuzz-workspaces");
        manager = InstanceManagerProcess.start(Files.createDirectories(home.resolve("manager")), workspaces);
        gateway = GatewayContext.start(
                Files.createDirectories(home.resolve("gateway")),
                manager,
                "--paradise.gateway.rate-limit=0",
                "--paradise.gateway.max-body-size=64KB");
        Path workspace = Files.createDirectories(workspaces.resolve("fuzz"));
        Files.setPosixFilePermissions(workspace, PosixFilePermissions.fromString("rwxr-xr-x"));
        token = gateway.register("fuzz", workspace, "everything-process");
        HttpResponse<String> initialized = HTTP.send(
                HttpRequest.newBuilder(URI.create(gateway.url("/mcp")))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                                                + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"fuzz\",\"version\":\"1\"}}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    @AfterAll
    void stop() throws Exception {
        gateway.close();
        manager.close();
    }

    /** A request as a hostile client may send it; header values stay within what HTTP can carry. */
    record FuzzRequest(String method, String path, Map<String, String> headers, byte[] body) {}

    @Test
    void everyHostileRequestGetsADeclaredAnswerInTime() throws Exception {
        Fuzz.run("gateway-http", 500, Duration.ofSeconds(30), this::request, this::kept, this::answersAsDeclared);
    }

    /** Requests that once got an undeclared answer, kept as files (the fuzzer writes them in this form). */
    @Test
    void everyKeptRequestGetsADeclaredAnswer() throws Exception {
        Path dir = Path.of(getClass().getResource("/fuzz-regressions/http").toURI());
        List<Path> files = Files.list(dir).sorted().toList();
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            FuzzRequest request = replayed(Files.readAllBytes(file));
            try {
                answersAsDeclared(request);
            } catch (AssertionError e) {
                throw new AssertionError("kept request " + file.getFileName() + " " + e.getMessage(), e);
            }
        }
    }

    /** A request line, header lines and, after a blank line, the body; the client's token and session as placeholders. */
    private byte[] kept(FuzzRequest request) {
        StringBuilder head = new StringBuilder(request.method())
                .append(' ')
                .append(request.path())
                .append('\n');
        request.headers()
                .forEach((name, value) -> head.append(name)
                        .append(": ")
                        .append(value.replace(token, "{token}").replace(session, "{session}"))
                        .append('\n'));
        byte[] start = head.append('\n').toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(start, start.length + request.body().length);
        System.arraycopy(request.body(), 0, all, start.length, request.body().length);
        return all;
    }

    private FuzzRequest replayed(byte[] file) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\n\n");
        List<String> lines = text.substring(0, end).lines().toList();
        String[] requestLine = lines.get(0).split(" ", 2);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String value = new String(
                    line.substring(line.indexOf(": ") + 2).getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8);
            headers.put(
                    line.substring(0, line.indexOf(": ")),
                    value.replace("{token}", token).replace("{session}", session));
        }
        return new FuzzRequest(
                requestLine[0], requestLine[1], headers, java.util.Arrays.copyOfRange(file, end + 2, file.length));
    }

    private FuzzRequest request(Random random) {
        Map<String, String> headers = new LinkedHashMap<>();
        maybe(
                random,
                headers,
                "Authorization",
                pick(
                        random,
                        "Bearer " + token,
                        "Bearer " + token,
                        "bearer " + token + "  ",
                        "Bearer ",
                        "Bearer x",
                        "Basic " + token,
                        "Bearer " + token + token));
        maybe(
                random,
                headers,
                "Origin",
                pick(
                        random,
                        "http://localhost:1",
                        "http://127.0.0.1",
                        "http://[::1]:8",
                        "http://localhost.evil.example",
                        "null",
                        "http://127.0.0.1.evil.example",
                        printable(random)));
        maybe(
                random,
                headers,
                "Content-Type",
                pick(
                        random,
                        "application/json",
                        "application/json",
                        "application/json; charset=utf-8",
                        "text/plain",
                        "application/jsonx",
                        "*/*",
                        "application/json;;",
                        "multipart/form-data; boundary=x",
                        printable(random)));
        maybe(
                random,
                headers,
                "Accept",
                pick(
                        random,
                        "application/json, text/event-stream",
                        "application/json, text/event-stream",
                        "application/json",
                        "text/event-stream",
                        "*/*",
                        "text/*;q=0",
                        printable(random)));
        maybe(
                random,
                headers,
                "MCP-Protocol-Version",
                pick(random, "2025-06-18", "2026-07-28", "2025-03-26", "2024-11-05", "1999-01-01", printable(random)));
        maybe(random, headers, "Mcp-Session-Id", pick(random, session, session, printable(random)));
        maybe(
                random,
                headers,
                "Mcp-Method",
                pick(random, "tools/call", "tools/list", "server/discover", "ping", printable(random)));
        maybe(
                random,
                headers,
                "Mcp-Name",
                pick(random, "echo", "=?base64?ZWNobw==?=", "=?base64?!!!?=", "=?base64??=", printable(random)));
        String method = pick(random, "POST", "POST", "POST", "GET", "DELETE");
        String path = pick(
                random,
                "/mcp",
                "/mcp",
                "/clients/fuzz/mcp",
                "/clients/other/mcp",
                "/messages?sessionId=x",
                "/messages",
                "/clients/fuzz/messages?sessionId=" + "0".repeat(36));
        return new FuzzRequest(method, path, headers, JsonRpcInputs.body(random));
    }

    private void answersAsDeclared(FuzzRequest request) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway.url(request.path())))
                .timeout(Duration.ofSeconds(30))
                .method(
                        request.method(),
                        request.method().equals("POST")
                                ? HttpRequest.BodyPublishers.ofByteArray(request.body())
                                : HttpRequest.BodyPublishers.noBody());
        request.headers().forEach(builder::header);

        HttpResponse<InputStream> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());

        try (InputStream body = response.body()) {
            assertThat(response.statusCode()).isIn(DECLARED);
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() >= 400 && type.startsWith("application/json")) {
                String text = new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                assertThat(GatewayContext.json(text)
                                .path("error")
                                .path("message")
                                .asString())
                        .as(text)
                        .isNotBlank();
            }
        }
    }

    private static void maybe(Random random, Map<String, String> headers, String name, String value) {
        if (random.nextInt(5) > 0) {
            headers.put(name, value);
        }
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    private static String printable(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            text.append((char) ('!' + random.nextInt(94)));
        }
        return text.toString();
    }
}
