package io.devopsparadise.gateway.mcp;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SseMessagesTests {

    private static Relayed streamed(String contentType, String... chunks) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        Flux<DataBuffer> body = Flux.fromArray(chunks).map(c -> DefaultDataBufferFactory.sharedInstance.wrap(c.getBytes(StandardCharsets.UTF_8)));
        return Relayed.streaming(200, headers, body);
    }

    @Test
    void yieldsEachEventsDataEvenWhenEventsArriveSplitAcrossChunks() {
        Relayed relayed = streamed("text/event-stream", "event: message\nid: 1\ndata: {\"a\":", "1}\n\nevent: message\ndata: {\"b\":2}\n", "\n");

        assertThat(SseMessages.of(relayed).collectList().block()).containsExactly("{\"a\":1}", "{\"b\":2}");
    }

    @Test
    void yieldsAPlainJsonBodyAsOneMessageAndNothingForAnEmptyOne() {
        assertThat(SseMessages.of(streamed("application/json", "{\"jsonrpc\":", "\"2.0\"}")).collectList().block()).containsExactly("{\"jsonrpc\":\"2.0\"}");
        assertThat(SseMessages.of(Relayed.read(202, null, new byte[0])).collectList().block()).isEmpty();
    }
}
