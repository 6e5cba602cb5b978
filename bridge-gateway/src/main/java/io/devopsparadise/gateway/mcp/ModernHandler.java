package io.devopsparadise.gateway.mcp;

import io.devopsparadise.gateway.clients.Client;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Protocol revision 2026-07-28: no sessions, every request carries its version and identity. The gateway checks
 * the mirrored headers against the body, answers {@code server/discover} itself, and serves the rest through one
 * backend session per client that it opens on the client's behalf (backends speak the session-based revisions).
 */
@Component
class ModernHandler {

    private static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";
    private static final String META_CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
    private static final String META_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    private static final List<String> NAMED_METHODS = List.of("tools/call", "resources/read", "prompts/get");

    private final JsonRpc json;
    private final GatewaySessions sessions;
    private final BackendSessions backend;
    private final ToolAggregator tools;
    private final McpResponses responses;
    private final McpMetrics metrics;
    private final BackendBodies bodies;
    private final Map<String, Mono<ModernSession>> byClient = new ConcurrentHashMap<>();

    ModernHandler(
            JsonRpc json,
            GatewaySessions sessions,
            BackendSessions backend,
            ToolAggregator tools,
            McpResponses responses,
            McpMetrics metrics,
            BackendBodies bodies) {
        this.json = json;
        this.sessions = sessions;
        this.backend = backend;
        this.tools = tools;
        this.responses = responses;
        this.metrics = metrics;
        this.bodies = bodies;
        sessions.onAllClosed(this::forget);
    }

    /** The backend session serving a client's modern requests, and what the backend said when it was opened. */
    record ModernSession(GatewaySession session, JsonNode initializeResult) {}

    public Mono<ServerResponse> handle(Client client, ServerRequest request, byte[] body) {
        List<McpMessage> messages = json.parse(body);
        if (JsonRpc.isBatch(body)) {
            throw new McpError(
                    400,
                    McpError.INVALID_REQUEST,
                    "JSON-RPC batches are not allowed in protocol revision " + McpVersions.MODERN);
        }
        McpMessage message = messages.get(0);
        checkHeaders(request, message);
        if (message.isInitialize()) {
            throw new McpError(
                    400,
                    McpError.INVALID_REQUEST,
                    "initialize belongs to the session-based revisions; " + "with MCP-Protocol-Version "
                            + McpVersions.MODERN + " send requests directly",
                    message.id(),
                    null);
        }
        if ("server/discover".equals(message.method())) {
            return metrics.time(
                    client,
                    message,
                    modernSession(client, message)
                            .flatMap(modern -> responses.json(
                                    200, json.result(message.id(), discoverResult(modern.initializeResult())), null))
                            .onErrorResume(error -> responses.failure(error, message.id())));
        }
        if ("subscriptions/listen".equals(message.method())) {
            return responses.error(new McpError(
                    404,
                    McpError.METHOD_NOT_FOUND,
                    "subscriptions/listen is not supported by this gateway yet",
                    message.id(),
                    null));
        }
        Optional<Mono<byte[]>> local = tools.answerLocally(client, message);
        if (local.isPresent()) {
            return metrics.time(client, message, local.get().flatMap(bytes -> responses.json(200, bytes, null)));
        }
        return metrics.time(
                client,
                message,
                modernSession(client, message)
                        .flatMap(modern -> backend.send(client, modern.session(), tools.forBackend(message)))
                        .flatMap(relayed -> tools.isToolsList(message)
                                ? tools.augmented(relayed, message.id(), true)
                                : Mono.just(relayed))
                        .flatMap(relayed -> responses.relay(relayed, null))
                        .onErrorResume(error -> responses.failure(error, message.id())));
    }

    /** MCP-Protocol-Version, Mcp-Method and Mcp-Name must agree with the body (-32020 HeaderMismatch). */
    private static void checkHeaders(ServerRequest request, McpMessage message) {
        if (message.method() == null) {
            return;
        }
        String method = request.headers().firstHeader(McpHeaders.METHOD);
        if (!message.method().equals(method)) {
            throw mismatch(
                    message,
                    method == null
                            ? "Mcp-Method header is missing"
                            : "Mcp-Method header value '" + method + "' does not match body value '" + message.method()
                                    + "'");
        }
        if (NAMED_METHODS.contains(message.method())) {
            String name = decode(request.headers().firstHeader(McpHeaders.NAME));
            if (name == null || !name.equals(message.target())) {
                throw mismatch(
                        message,
                        name == null
                                ? "Mcp-Name header is missing"
                                : "Mcp-Name header value '" + name + "' does not match body value '" + message.target()
                                        + "'");
            }
        }
        String bodyVersion =
                message.node().path("params").path("_meta").path(META_VERSION).asString(null);
        if (bodyVersion != null && !McpVersions.MODERN.equals(bodyVersion)) {
            throw mismatch(
                    message,
                    "MCP-Protocol-Version header " + McpVersions.MODERN + " does not match _meta protocol version "
                            + bodyVersion);
        }
    }

    private static McpError mismatch(McpMessage message, String why) {
        return new McpError(400, McpError.HEADER_MISMATCH, "Header mismatch: " + why, message.id(), null);
    }

    private static String decode(String header) {
        if (header != null && header.startsWith("=?base64?") && header.endsWith("?=")) {
            try {
                return new String(
                        Base64.getDecoder().decode(header.substring(9, header.length() - 2)), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "\u0000invalid base64";
            }
        }
        return header;
    }

    private Mono<ModernSession> modernSession(Client client, McpMessage first) {
        return byClient.computeIfAbsent(
                client.id(),
                id -> open(client, first)
                        .doOnError(e -> byClient.remove(id))
                        .cache(
                                ok -> java.time.Duration.ofDays(365),
                                e -> java.time.Duration.ZERO,
                                () -> java.time.Duration.ZERO));
    }

    private Mono<ModernSession> open(Client client, McpMessage first) {
        JsonNode meta = first.node().path("params").path("_meta");
        ObjectNode initialize = json.object()
                .put("jsonrpc", "2.0")
                .put("id", "paradise-modern-initialize")
                .put("method", "initialize");
        ObjectNode params = initialize.putObject("params").put("protocolVersion", McpVersions.BACKEND_SESSION);
        params.set(
                "capabilities", meta.path(META_CAPABILITIES).isObject() ? meta.get(META_CAPABILITIES) : json.object());
        params.set(
                "clientInfo",
                meta.path(META_CLIENT_INFO).isObject()
                        ? meta.get(META_CLIENT_INFO)
                        : json.object().put("name", "devops-paradise-bridge").put("version", "1"));
        GatewaySession session = sessions.open(client.id(), McpVersions.BACKEND_SESSION, json.write(initialize));
        return backend.initialize(client, session)
                .flatMap(relayed -> initializeResult(relayed))
                .flatMap(result -> backend.initialized(client, session).thenReturn(new ModernSession(session, result)));
    }

    /** The result of the backend's answer to initialize, reading its messages only until that one. */
    private Mono<JsonNode> initializeResult(Relayed relayed) {
        return bodies.messages(relayed)
                .map(message -> json.read(message.getBytes(StandardCharsets.UTF_8)))
                .filter(node -> node.has("result"))
                .next()
                .map(node -> node.get("result"))
                .switchIfEmpty(Mono.error(() -> new McpError(
                        502,
                        McpError.SERVER_ERROR,
                        "Your instance refused to initialize (HTTP " + relayed.status() + ")")));
    }

    private JsonNode discoverResult(JsonNode initializeResult) {
        ObjectNode result = json.object();
        var versions = result.putArray("supportedVersions");
        McpVersions.SUPPORTED.forEach(versions::add);
        result.set(
                "capabilities",
                initializeResult.path("capabilities").isObject()
                        ? initializeResult.get("capabilities")
                        : json.object());
        result.putObject("serverInfo")
                .put("name", "devops-paradise-bridge")
                .put("version", "0.1.0")
                .put(
                        "title",
                        "DevOps Paradise Bridge → "
                                + initializeResult
                                        .path("serverInfo")
                                        .path("name")
                                        .asString("MCP server"));
        if (initializeResult.hasNonNull("instructions")) {
            result.set("instructions", initializeResult.get("instructions"));
        }
        return result;
    }

    /** Drops the backend session kept for a client whose sessions were all closed. */
    private void forget(String clientId) {
        byClient.remove(clientId);
    }
}
