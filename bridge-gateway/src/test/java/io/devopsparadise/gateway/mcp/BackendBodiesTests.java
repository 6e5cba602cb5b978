package io.devopsparadise.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;

class BackendBodiesTests {

    private final BackendBodies bodies = new BackendBodies(64);

    private static Relayed streamed(String contentType, String... chunks) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        Flux<DataBuffer> body = Flux.fromArray(chunks)
                .map(c -> DefaultDataBufferFactory.sharedInstance.wrap(c.getBytes(StandardCharsets.UTF_8)));
        return Relayed.streaming(200, headers, body);
    }

    @Test
    void yieldsEachEventsDataEvenWhenEventsArriveSplitAcrossChunks() {
        Relayed relayed = streamed(
                "text/event-stream",
                "event: message\nid: 1\ndata: {\"a\":",
                "1}\n\nevent: message\ndata: {\"b\":2}\n",
                "\n");

        assertThat(bodies.messages(relayed).collectList().block()).containsExactly("{\"a\":1}", "{\"b\":2}");
    }

    @Test
    void aPlainJsonBodyIsOneMessage() {
        assertThat(bodies.messages(streamed("application/json", "{\"jsonrpc\":", "\"2.0\"}"))
                        .collectList()
                        .block())
                .containsExactly("{\"jsonrpc\":\"2.0\"}");
    }

    @Test
    void anEmptyBodyIsNoMessage() {
        assertThat(bodies.messages(Relayed.read(202, null, new byte[0]))
                        .collectList()
                        .block())
                .isEmpty();
    }

    @Test
    void anAnswerLargerThanTheLimitIsAnErrorNamingTheSettingWhateverItsShape() {
        String big = "x".repeat(100);
        Relayed oneLine = streamed("text/event-stream", "data: " + big.substring(0, 50), big.substring(50) + "\n\n");
        Relayed manyLines =
                streamed("text/event-stream", "data: " + "y".repeat(40) + "\n", "data: " + "y".repeat(40) + "\n\n");
        Relayed json = streamed("application/json", "{\"a\":\"" + big + "\"}");

        for (Relayed relayed : new Relayed[] {oneLine, manyLines, json}) {
            assertThatThrownBy(() -> bodies.messages(relayed).collectList().block())
                    .isInstanceOf(McpError.class)
                    .hasMessageContaining("larger than 64 bytes")
                    .hasMessageContaining("paradise.gateway.max-backend-message-size");
        }
        assertThatThrownBy(() ->
                        bodies.join(streamed("application/json", big).body()).block())
                .isInstanceOf(McpError.class)
                .hasMessageContaining("max-backend-message-size");
    }
}
