package io.devopsparadise.instances.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonRpcResponsesTests {

    @Test
    void readsTheResultFromPlainJson() {
        assertThat(JsonRpcResponses.resultOf(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"serverInfo\":{\"name\":\"srv\"}}}"))
                .contains("srv");
    }

    @Test
    void readsTheResultFromAnSseEvent() {
        String body =
                "event: message\nid: 7\ndata: {\"result\":{\"serverInfo\":{\"name\":\"mcp-servers/everything\"}},\"jsonrpc\":\"2.0\",\"id\":1}\n\n";

        assertThat(JsonRpcResponses.resultOf(body)).contains("mcp-servers/everything");
    }

    @Test
    void anErrorOrGarbageIsNoResult() {
        assertThat(JsonRpcResponses.resultOf(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32600,\"message\":\"no\"}}"))
                .isEmpty();
        assertThat(JsonRpcResponses.resultOf("<html>502</html>")).isEmpty();
        assertThat(JsonRpcResponses.resultOf("data: {truncated")).isEmpty();
        assertThat(JsonRpcResponses.resultOf(null)).isEmpty();
    }
}
