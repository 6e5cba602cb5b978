package io.devopsparadise.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class JsonRpcTests {

    private final JsonRpc json = new JsonRpc(JsonMapper.builder().build());

    private List<McpMessage> parse(String body) {
        return json.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRequestIsReadForItsTargetWithoutChangingItsBytes() {
        String request = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\"}}";
        McpMessage message = parse(request).get(0);

        assertThat(message.isRequest()).isTrue();
        assertThat(message.target()).isEqualTo("echo");
        assertThat(new String(message.raw(), StandardCharsets.UTF_8)).isEqualTo(request);
    }

    @Test
    void aMessageWithAMethodAndNoIdIsANotification() {
        assertThat(parse("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                        .get(0)
                        .isNotification())
                .isTrue();
    }

    @Test
    void aMessageWithAnIdAndNoMethodIsAResponse() {
        McpMessage response =
                parse("{\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"result\":{}}").get(0);
        assertThat(response.method()).isNull();
        assertThat(response.isRequest()).isFalse();
    }

    @Test
    void rejectsWhatIsNotJsonRpcWithTheRightCode() {
        assertThatThrownBy(() -> parse("{oops")).isInstanceOfSatisfying(McpError.class, e -> {
            assertThat(e.code()).isEqualTo(McpError.PARSE_ERROR);
            assertThat(e.httpStatus()).isEqualTo(400);
        });
        assertThatThrownBy(() -> parse(""))
                .isInstanceOfSatisfying(
                        McpError.class, e -> assertThat(e.code()).isEqualTo(McpError.PARSE_ERROR));
        assertThatThrownBy(() -> parse("[]"))
                .isInstanceOfSatisfying(
                        McpError.class, e -> assertThat(e.code()).isEqualTo(McpError.INVALID_REQUEST));
        assertThatThrownBy(() -> parse("{\"id\":1,\"method\":\"x\"}")).isInstanceOfSatisfying(McpError.class, e -> {
            assertThat(e.code()).isEqualTo(McpError.INVALID_REQUEST);
            assertThat(e.id().asInt()).isEqualTo(1);
        });
        assertThatThrownBy(() -> parse("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"x\"}"))
                .hasMessageContaining("\"id\" must be");
        assertThatThrownBy(() -> parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}"))
                .hasMessageContaining("\"method\" must be a string");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "32 00", // "2" to a UTF-16LE guess, not JSON to a UTF-8 reader
                "5b 00 7b 00 7d 00 5d 00", // a batch in UTF-16LE
                "00 7b 00 7d", // UTF-16BE
                "ff fe 7b 00 7d 00", // UTF-16LE's byte order mark
                "fe ff 00 7b 00 7d", // UTF-16BE's
                "ef bb bf 7b 7d", // UTF-8's
            })
    void aBodyNotInUtf8IsAParseErrorWhateverJacksonWouldGuess(String hex) {
        byte[] body = java.util.HexFormat.ofDelimiter(" ").parseHex(hex);

        assertThatThrownBy(() -> json.parse(body)).isInstanceOfSatisfying(McpError.class, e -> {
            assertThat(e.code()).isEqualTo(McpError.PARSE_ERROR);
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.getMessage()).contains("must be UTF-8");
        });
    }

    @Test
    void jsonrpcMustBeTheString20() {
        assertThatThrownBy(() -> parse("{\"jsonrpc\":2.0,\"id\":1,\"method\":\"ping\"}"))
                .isInstanceOfSatisfying(McpError.class, e -> {
                    assertThat(e.code()).isEqualTo(McpError.INVALID_REQUEST);
                    assertThat(e.id().asInt()).isEqualTo(1);
                });
    }

    @Test
    void anInvalidMessageNeverEchoesAnArbitraryId() {
        assertThatThrownBy(() -> parse("{\"id\":{\"big\":[1,2,3]},\"method\":\"x\"}"))
                .isInstanceOfSatisfying(McpError.class, e -> assertThat(e.id()).isNull());
    }

    @Test
    void aBatchOverTheLimitIsRefusedSayingHowManyFit() {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

        assertThat(parse("[" + String.join(",", java.util.Collections.nCopies(JsonRpc.MAX_BATCH, ping)) + "]"))
                .hasSize(JsonRpc.MAX_BATCH);
        assertThatThrownBy(() ->
                        parse("[" + String.join(",", java.util.Collections.nCopies(JsonRpc.MAX_BATCH + 1, ping)) + "]"))
                .isInstanceOfSatisfying(
                        McpError.class, e -> assertThat(e.code()).isEqualTo(McpError.INVALID_REQUEST))
                .hasMessageContaining("at most " + JsonRpc.MAX_BATCH);
    }

    @Test
    void batchesAreArraysWhateverTheyHold() {
        assertThat(JsonRpc.isBatch("  [{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]".getBytes()))
                .isTrue();
        assertThat(JsonRpc.isBatch("{\"jsonrpc\":\"2.0\"}".getBytes())).isFalse();
        assertThat(parse("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},{\"jsonrpc\":\"2.0\",\"method\":\"n\"}]"))
                .hasSize(2);
    }

    @Test
    void writesErrorsAsJsonRpcErrorObjects() {
        byte[] body = json.error(new McpError(
                400,
                McpError.UNSUPPORTED_PROTOCOL_VERSION,
                "Unsupported",
                JsonMapper.builder().build().readTree("3"),
                java.util.Map.of("supported", List.of("2026-07-28"))));

        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":-32022,\"message\":\"Unsupported\",\"data\":{\"supported\":[\"2026-07-28\"]}}}");
        assertThat(new String(json.error(new McpError(401, McpError.INVALID_REQUEST, "no")), StandardCharsets.UTF_8))
                .contains("\"id\":null");
    }
}
