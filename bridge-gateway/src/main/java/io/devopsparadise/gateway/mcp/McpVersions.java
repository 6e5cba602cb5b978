package io.devopsparadise.gateway.mcp;

import java.util.List;

/** Protocol revisions the gateway serves, side by side. */
public final class McpVersions {

    public static final String LEGACY_SSE = "2024-11-05";
    /** Assumed for a request without MCP-Protocol-Version, as the 2025-06-18 transport allows. */
    public static final String DEFAULT_WITHOUT_HEADER = "2025-03-26";
    public static final String MODERN = "2026-07-28";
    /** What the gateway asks of backends when it opens a session on a client's behalf. */
    public static final String BACKEND_SESSION = "2025-11-25";
    public static final List<String> SUPPORTED = List.of(MODERN, "2025-11-25", "2025-06-18", "2025-03-26", LEGACY_SSE);

    private McpVersions() {
    }

    public static boolean isSupported(String version) {
        return SUPPORTED.contains(version);
    }

    /** JSON-RPC batches exist in 2025-03-26 (and the legacy transport) only. */
    public static boolean allowsBatches(String version) {
        return version.equals("2025-03-26") || version.equals(LEGACY_SSE);
    }
}
