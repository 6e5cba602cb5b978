package io.devopsparadise.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.devopsparadise.gateway.fuzz.Fuzz;
import io.devopsparadise.gateway.fuzz.JsonRpcInputs;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The peek at a single message decides as reading it whole did: the same message (id, method, target, params) or
 * the same error code. The whole read is the one batches still use, on the same body as a batch of one.
 */
class MessagePeekTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonRpc JSON = new JsonRpc(MAPPER);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"a\":[1,{\"b\":2}]}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":\"s\",\"method\":\"resources/read\",\"params\":{\"uri\":\"file:///x\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"uri\":\"u\",\"name\":\"n\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"name\":null,\"uri\":\"u\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"name\":5}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"name\":{\"deep\":[1]}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":[1,2]}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"name\":\"a\"},\"params\":{\"name\":\"b\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":\"later\",\"method\":\"x\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":9223372036854775807,\"method\":\"x\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":92233720368547758070,\"method\":\"x\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"notifications/initialized\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":\"r\",\"result\":{}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"x\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"x\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"x\"}",
                "{\"jsonrpc\":\"2.0\",\"method\":null}",
                "{\"jsonrpc\":\"2.0\",\"method\":[\"x\"],\"id\":1}",
                "{\"jsonrpc\":\"2.0\"}",
                "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"x\"}",
                "{\"jsonrpc\":2.0,\"id\":1,\"method\":\"x\"}",
                "{\"jsonrpc\":\"2.0\",\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"x\"}",
                "{\"id\":1,\"method\":\"x\"}",
                "\"a string\"",
                "42",
                "null",
                "  {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}  \n",
            })
    void decidesAsTheWholeReadDoes(String body) {
        assertSameDecision(body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "{oops",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"} trailing",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}{\"jsonrpc\":\"2.0\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"name\":\"a\",}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"deep\":[1,2}}",
            })
    void malformedBodiesAreParseErrors(String body) {
        McpError error = catchThrowableOfType(
                McpError.class, () -> MessagePeek.read(MAPPER, body.getBytes(StandardCharsets.UTF_8)));

        assertThat(error.code()).isEqualTo(McpError.PARSE_ERROR);
        assertThat(error.httpStatus()).isEqualTo(400);
    }

    @Test
    void theTreeIsBuiltOnlyWhenAskedFor() {
        McpMessage message = MessagePeek.read(
                MAPPER,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(message.node().path("params").path("protocolVersion").asString())
                .isEqualTo("2025-06-18");
        assertThat(message.node()).isSameAs(message.node());
    }

    @Test
    void anyBodyTheFuzzerMakesIsDecidedAlike() throws Exception {
        Fuzz.run(
                "peek",
                2_000,
                Duration.ofSeconds(5),
                JsonRpcInputs::body,
                body -> body,
                MessagePeekTests::assertSameDecision);
    }

    @TestFactory
    Stream<DynamicTest> everyKeptInputIsDecidedAlike() throws IOException, URISyntaxException {
        Path dir = Path.of(
                MessagePeekTests.class.getResource("/fuzz-regressions/jsonrpc").toURI());
        return Files.list(dir).sorted().toList().stream()
                .map(file -> DynamicTest.dynamicTest(
                        file.getFileName().toString(), () -> assertSameDecision(Files.readAllBytes(file))));
    }

    /** What reading the body whole decides, through the batch path on a batch of one; null when it is not one JSON value. */
    private static void assertSameDecision(byte[] body) {
        if (JsonRpc.isBatch(body)) {
            return;
        }
        String latin1 = new String(body, StandardCharsets.ISO_8859_1);
        if (latin1.startsWith("\u00fe")
                || latin1.startsWith("\u00ff")
                || latin1.startsWith("\u00ef\u00bb\u00bf")
                || latin1.indexOf('\0') >= 0) {
            // Jackson would guess another encoding than a backend's UTF-8, or read a NUL as the end
            assertThatThrownBy(() -> JSON.parse(body))
                    .isInstanceOfSatisfying(
                            McpError.class, e -> assertThat(e.code()).isEqualTo(McpError.PARSE_ERROR))
                    .hasMessageContaining("must be UTF-8");
            return;
        }
        boolean oneValue;
        try {
            oneValue = !MAPPER.readTree(body).isMissingNode();
        } catch (JacksonException notJson) {
            oneValue = false;
        }
        McpError peekError = null;
        McpMessage peeked = null;
        try {
            peeked = JSON.parse(body).get(0);
        } catch (McpError e) {
            peekError = e;
        }
        if (!oneValue) {
            assertThat(peekError).as("not one JSON value: a parse error").isNotNull();
            assertThat(peekError.code()).isEqualTo(McpError.PARSE_ERROR);
            return;
        }
        byte[] asBatch = ("[" + new String(body, StandardCharsets.UTF_8) + "]").getBytes(StandardCharsets.UTF_8);
        List<McpMessage> read;
        try {
            read = JSON.parse(asBatch);
        } catch (McpError wholeError) {
            assertThat(peekError)
                    .as("the whole read refused it: " + wholeError.getMessage())
                    .isNotNull();
            assertThat(peekError.code()).isEqualTo(wholeError.code());
            assertThat(peekError.getMessage()).isEqualTo(wholeError.getMessage());
            return;
        }
        assertThat(peekError).as("the whole read accepted it").isNull();
        assertThat(read).hasSize(1);
        McpMessage whole = read.get(0);
        assertThat(peeked.id()).isEqualTo(whole.id());
        assertThat(peeked.method()).isEqualTo(whole.method());
        assertThat(peeked.target()).isEqualTo(whole.target());
        assertThat(peeked.hasParamsObject()).isEqualTo(whole.hasParamsObject());
        assertThat(peeked.raw()).isEqualTo(body);
        assertThat(peeked.node()).isEqualTo(whole.node());
    }
}
