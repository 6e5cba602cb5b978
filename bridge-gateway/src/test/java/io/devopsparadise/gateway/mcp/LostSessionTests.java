package io.devopsparadise.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** When the gateway replays initialize: the backend's answer says it lost the session, by status and JSON-RPC code. */
class LostSessionTests {

    private final JsonRpc json = new JsonRpc(JsonMapper.builder().build());

    @ParameterizedTest(name = "{0} {1} → lost: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // the transport's rule: an unknown session is 404, whatever the body
                "404 | {\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32001,\"message\":\"Session not found\"}} | true",
                "404 | Not Found | true",
                // server-everything and the TypeScript SDK: 400 with -32000 ("Bad Request: No valid session ID
                // provided")
                "400 | {\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32000,\"message\":\"Bad Request: No valid session ID provided\"}} | true",
                "400 | {\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32001,\"message\":\"gone\"}} | true",
                // older versions of the Python SDK: a plain-text 400
                "400 | Bad Request: No valid session ID provided | true",
                // the backend's own answer to the request: not a lost session, even when its words mention one
                "400 | {\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"invalid params: session must be a string\"}} | false",
                "400 | {\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"}} | false",
                "200 | {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"text\":\"session\"}} | false",
                "500 | session lost | false",
            })
    void aLostSessionIsToldByStatusAndCode(int status, String body, boolean lost) {
        assertThat(BackendSessions.sessionLost(status, body.getBytes(StandardCharsets.UTF_8), json))
                .isEqualTo(lost);
    }
}
