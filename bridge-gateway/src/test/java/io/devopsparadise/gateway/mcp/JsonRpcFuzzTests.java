package io.devopsparadise.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.gateway.fuzz.Fuzz;
import io.devopsparadise.gateway.fuzz.JsonRpcInputs;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes the gateway's JSON-RPC parsing with what a hostile client may send: every body either parses into messages
 * whose accessors answer, or fails with the gateway's own {@link McpError} (400, -32700 or -32600) that serializes;
 * nothing else escapes and nothing takes longer than a few seconds. Inputs that once broke this are replayed by
 * {@link JsonRpcRegressionTests}.
 */
class JsonRpcFuzzTests {

    private static final JsonRpc JSON = new JsonRpc(JsonMapper.builder().build());

    @Test
    void anyBodyParsesOrFailsWithAJsonRpcError() throws Exception {
        Fuzz.run(
                "jsonrpc",
                2_000,
                Duration.ofSeconds(5),
                JsonRpcInputs::body,
                body -> body,
                JsonRpcFuzzTests::parsesOrFailsWithAJsonRpcError);
    }

    /** The invariant the fuzzer and the regression inputs check. */
    static void parsesOrFailsWithAJsonRpcError(byte[] body) {
        List<McpMessage> messages;
        try {
            messages = JSON.parse(body);
        } catch (McpError error) {
            assertThat(error.httpStatus()).isEqualTo(400);
            assertThat(error.code()).isIn(McpError.PARSE_ERROR, McpError.INVALID_REQUEST);
            assertThat(JSON.read(JSON.error(error))
                            .path("error")
                            .path("message")
                            .asString())
                    .isNotBlank();
            return;
        }
        assertThat(messages).isNotEmpty();
        JsonRpc.isBatch(body);
        for (McpMessage message : messages) {
            assertThat(message.isRequest() && message.isNotification()).isFalse();
            message.isInitialize();
            message.target();
            KnownMethods.tagOf(message.method());
            message.node().path("params").path("protocolVersion").asString(McpVersions.DEFAULT_WITHOUT_HEADER);
            message.node()
                    .path("params")
                    .path("_meta")
                    .path("io.modelcontextprotocol/protocolVersion")
                    .asString(null);
            JsonNode answer =
                    JSON.read(JSON.error(new McpError(400, McpError.INVALID_REQUEST, "x", message.id(), null)));
            assertThat(answer.path("jsonrpc").asString()).isEqualTo("2.0");
            if (message.id() != null) {
                JSON.result(message.id(), JSON.object());
            }
        }
    }
}
