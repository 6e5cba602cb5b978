package io.devopsparadise.gateway.mcp;

import io.devopsparadise.gateway.GatewayProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps every tool name a client sees within 64 characters after its client's prefixing: Claude Code calls a tool
 * {@code mcp__<server>__<tool>} and rejects longer names. A longer backend name is cut and given a hash of the
 * whole name ({@code find_referencing_code_snip_1a2b3c4d}); a call of the short name reaches the backend under the
 * full one. Shortening is a pure function of the name, so one table serves every client.
 */
@Component
class ToolNames {

    public static final int CLIENT_LIMIT = 64;
    private static final int HASH_CHARS = 8;
    private static final int MAX_REMEMBERED = 10_000;

    private final int limit;
    private final Map<String, String> originals = new ConcurrentHashMap<>();

    @Autowired
    ToolNames(GatewayProperties properties) {
        this(CLIENT_LIMIT - ("mcp__" + properties.clientServerName() + "__").length());
    }

    /** Names of at most {@code limit} characters. */
    ToolNames(int limit) {
        if (limit < HASH_CHARS + 2) {
            throw new IllegalArgumentException("a client server name this long leaves " + limit
                    + " characters for tool names; choose a shorter one");
        }
        this.limit = limit;
    }

    /** The longest tool name a client can take. */
    public int limit() {
        return limit;
    }

    /** The name to show the client: the backend's own when it fits. */
    public String forClient(String backendName) {
        if (backendName.length() <= limit) {
            return backendName;
        }
        String shortName = backendName.substring(0, limit - HASH_CHARS - 1) + "_" + hash(backendName);
        if (originals.size() < MAX_REMEMBERED || originals.containsKey(shortName)) {
            originals.put(shortName, backendName);
        }
        return shortName;
    }

    /** The backend's name for a name the gateway shortened, or empty when the client called a name as the backend gave it. */
    public Optional<String> backendName(String clientName) {
        return clientName == null ? Optional.empty() : Optional.ofNullable(originals.get(clientName));
    }

    private static String hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
