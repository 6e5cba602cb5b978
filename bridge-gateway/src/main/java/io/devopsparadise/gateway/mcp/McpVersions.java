package io.devopsparadise.gateway.mcp;

import java.util.List;

/** Protocol revisions the gateway serves, side by side. */
final class McpVersions {

    /** The HTTP+SSE transport's revision. */
    public static final String LEGACY_SSE = "2024-11-05";

    public static final String R2025_03_26 = "2025-03-26";
    public static final String R2025_06_18 = "2025-06-18";
    public static final String R2025_11_25 = "2025-11-25";
    /** Stateless: no sessions, every request carries its version and identity. */
    public static final String MODERN = "2026-07-28";
    /** Assumed for a request without MCP-Protocol-Version, as the 2025-06-18 transport allows. */
    public static final String DEFAULT_WITHOUT_HEADER = R2025_03_26;
    /** What the gateway asks of backends when it opens a session on a client's behalf. */
    public static final String BACKEND_SESSION = R2025_11_25;

    public static final List<String> SUPPORTED = List.of(MODERN, R2025_11_25, R2025_06_18, R2025_03_26, LEGACY_SSE);

    private McpVersions() {}

    public static boolean isSupported(String version) {
        return SUPPORTED.contains(version);
    }

    /**
     * The revision a client's initialize asks for, where the gateway knows it; else the transport's default. The
     * session keeps it and sends it to the backend as a header, so a revision the gateway does not know never travels
     * on (the backend still reads the client's own initialize).
     */
    public static String knownOr(String asked, String fallback) {
        return asked != null && isSupported(asked) ? asked : fallback;
    }

    /** JSON-RPC batches exist in 2025-03-26 (and the legacy transport) only. */
    public static boolean allowsBatches(String version) {
        return version.equals(R2025_03_26) || version.equals(LEGACY_SSE);
    }
}
