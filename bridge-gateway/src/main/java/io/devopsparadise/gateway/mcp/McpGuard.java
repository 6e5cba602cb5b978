package io.devopsparadise.gateway.mcp;

import io.devopsparadise.gateway.GatewayProperties;
import io.devopsparadise.gateway.clients.Client;
import io.devopsparadise.gateway.clients.ClientRegistry;
import io.devopsparadise.gateway.resilience.InstanceResilience;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * The checks every MCP request passes before anything else happens: Origin (DNS rebinding), the bearer token,
 * the client's own path, its rate limit, and for POSTs the content type, Accept and body size.
 */
@Component
class McpGuard {

    private static final Pattern LOOPBACK_ORIGIN =
            Pattern.compile("https?://(localhost|127\\.0\\.0\\.1|\\[::1])(:\\d+)?");

    private final ClientRegistry clients;
    private final InstanceResilience resilience;
    private final List<String> allowedOrigins;
    private final int maxBodyBytes;

    McpGuard(ClientRegistry clients, InstanceResilience resilience, GatewayProperties properties) {
        this.clients = clients;
        this.resilience = resilience;
        this.allowedOrigins = properties.allowedOrigins();
        this.maxBodyBytes =
                (int) Math.min(Integer.MAX_VALUE, properties.maxBodySize().toBytes());
    }

    /** The authenticated client, or an McpError with the status the failure calls for. */
    public Client admit(ServerRequest request) {
        String origin = request.headers().firstHeader(HttpHeaders.ORIGIN);
        if (!isAllowedOrigin(origin, allowedOrigins)) {
            throw new McpError(
                    403,
                    McpError.INVALID_REQUEST,
                    "Origin " + origin + " is not allowed; add it to paradise.gateway.allowed-origins");
        }
        String authorization = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new McpError(
                    401,
                    McpError.INVALID_REQUEST,
                    "Missing bearer token: send Authorization: Bearer <your client token>");
        }
        Client client = clients.authenticate(authorization.substring(7).strip())
                .orElseThrow(() -> new McpError(401, McpError.INVALID_REQUEST, "Unknown or revoked bearer token"));
        String pathClient = request.pathVariables().get("clientId");
        if (pathClient != null && !pathClient.equals(client.id())) {
            throw new McpError(
                    403, McpError.INVALID_REQUEST, "This token belongs to another client than " + pathClient);
        }
        if (!resilience.admit(client.id())) {
            throw new McpError(
                    429,
                    McpError.SERVER_ERROR,
                    "Rate limit exceeded for client " + client.id() + "; slow down and retry");
        }
        return client;
    }

    /**
     * A batch counts against the client's rate limit as the messages it holds: {@link #admit} took one permit, this
     * takes one more for each other message. Without it, one permit could start a hundred calls.
     */
    public void admitBatch(Client client, int messages) {
        if (messages > 1 && !resilience.admit(client.id(), messages - 1)) {
            throw new McpError(
                    429,
                    McpError.SERVER_ERROR,
                    "Rate limit exceeded for client " + client.id() + ": a batch counts as its " + messages
                            + " messages; slow down, or send smaller batches");
        }
    }

    /** No Origin (a client that is not a browser), a loopback one, or one configured exactly; nothing that only starts like one. */
    static boolean isAllowedOrigin(String origin, List<String> allowedOrigins) {
        return origin == null || LOOPBACK_ORIGIN.matcher(origin).matches() || allowedOrigins.contains(origin);
    }

    /** Content type, Accept and size checks of a POST, then its body. */
    public Mono<byte[]> body(ServerRequest request, boolean needsStreamingAccept) {
        MediaType type = contentType(request);
        if (type == null || !MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
            return Mono.error(
                    new McpError(415, McpError.INVALID_REQUEST, "Content-Type must be application/json, got " + type));
        }
        if (needsStreamingAccept && !acceptsJsonAndEvents(accept(request))) {
            return Mono.error(new McpError(
                    406, McpError.INVALID_REQUEST, "Accept must list both application/json and text/event-stream"));
        }
        if (request.headers().contentLength().orElse(0) > maxBodyBytes) {
            return Mono.error(tooLarge());
        }
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), maxBodyBytes)
                .map(BackendSessions::bytes)
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge());
    }

    /** The Accept header's media types; a 406 {@link McpError} when it is not a list of media types. */
    public List<MediaType> accept(ServerRequest request) {
        try {
            return request.headers().accept();
        } catch (RuntimeException e) {
            throw new McpError(
                    406,
                    McpError.INVALID_REQUEST,
                    "Accept is not a list of media types (" + e.getMessage()
                            + "); send Accept: application/json, text/event-stream");
        }
    }

    private static MediaType contentType(ServerRequest request) {
        try {
            return request.headers().contentType().orElse(null);
        } catch (RuntimeException e) {
            throw new McpError(
                    415,
                    McpError.INVALID_REQUEST,
                    "Content-Type is not a media type (" + e.getMessage() + "); send Content-Type: application/json");
        }
    }

    private McpError tooLarge() {
        return new McpError(
                413,
                McpError.INVALID_REQUEST,
                "Request body is larger than " + maxBodyBytes + " bytes (paradise.gateway.max-body-size)");
    }

    private static boolean acceptsJsonAndEvents(List<MediaType> accept) {
        boolean json = accept.stream().anyMatch(t -> t.includes(MediaType.APPLICATION_JSON));
        boolean events = accept.stream().anyMatch(t -> t.includes(MediaType.TEXT_EVENT_STREAM));
        return json && events;
    }
}
