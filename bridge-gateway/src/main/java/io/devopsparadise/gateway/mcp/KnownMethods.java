package io.devopsparadise.gateway.mcp;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The JSON-RPC methods of the MCP revisions the gateway serves. A method name is chosen by the client, so it may
 * become a metric tag only when it is one of these; every other name is tagged {@link #OTHER}, which keeps the
 * number of meters bounded whatever a client sends.
 */
public final class KnownMethods {

    public static final String OTHER = "other";
    /** Tags the gateway uses for what has no single method: a JSON-RPC batch, and a client's response to a server request. */
    public static final String BATCH = "batch";

    public static final String RESPONSE = "response";

    public static final Set<String> METHODS = Set.of(
            "initialize",
            "ping",
            "server/discover",
            "subscriptions/listen",
            "tools/list",
            "tools/call",
            "resources/list",
            "resources/templates/list",
            "resources/read",
            "resources/subscribe",
            "resources/unsubscribe",
            "prompts/list",
            "prompts/get",
            "completion/complete",
            "logging/setLevel",
            "tasks/get",
            "tasks/result",
            "tasks/list",
            "tasks/cancel",
            "sampling/createMessage",
            "roots/list",
            "elicitation/create",
            "notifications/initialized",
            "notifications/cancelled",
            "notifications/progress",
            "notifications/roots/list_changed",
            "notifications/tasks/status",
            "notifications/message",
            "notifications/resources/updated",
            "notifications/resources/list_changed",
            "notifications/tools/list_changed",
            "notifications/prompts/list_changed",
            "notifications/elicitation/complete");

    /** Every value the {@code method} tag can take. */
    public static final Set<String> TAGS =
            Stream.concat(METHODS.stream(), Stream.of(OTHER, BATCH, RESPONSE)).collect(Collectors.toUnmodifiableSet());

    private KnownMethods() {}

    /** The metric tag for a method name: the name itself when known, else {@link #OTHER}. */
    public static String tagOf(String method) {
        return method != null && TAGS.contains(method) ? method : OTHER;
    }
}
