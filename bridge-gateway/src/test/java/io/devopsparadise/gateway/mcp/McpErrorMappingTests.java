package io.devopsparadise.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.gateway.instances.InstanceUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.IntNode;

/** The one mapping of failures on the way to an instance, which every transport (legacy SSE included) answers with. */
class McpErrorMappingTests {

    private static final IntNode ID = IntNode.valueOf(7);

    @Test
    void anUnavailableInstanceIs503UnlessItSaysWorse() {
        assertThat(McpError.of(new InstanceUnavailableException("indexing", 409, null), ID)
                        .httpStatus())
                .isEqualTo(503);
        assertThat(McpError.of(new InstanceUnavailableException("not healthy in time", 504, null), ID)
                        .httpStatus())
                .isEqualTo(504);
    }

    @Test
    void anOpenCircuitIs503() {
        CallNotPermittedException open =
                CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("alice"));

        assertThat(McpError.of(open, ID).httpStatus()).isEqualTo(503);
    }

    @Test
    void aTimeoutIs504() {
        assertThat(McpError.of(new TimeoutException(), ID).httpStatus()).isEqualTo(504);
    }

    @Test
    void anyOtherFailureIs502WithTheRequestsId() {
        McpError mapped = McpError.of(new ConnectException("refused"), ID);

        assertThat(mapped.httpStatus()).isEqualTo(502);
        assertThat(mapped.code()).isEqualTo(McpError.SERVER_ERROR);
        assertThat(mapped.id()).isEqualTo(ID);
        assertThat(mapped.getMessage()).isEqualTo("The gateway could not reach your instance: refused");
    }

    @Test
    void anMcpErrorKeepsItsOwnIdOrGetsTheRequests() {
        McpError own = new McpError(400, McpError.INVALID_REQUEST, "bad", IntNode.valueOf(1), null);

        assertThat(McpError.of(own, ID)).isSameAs(own);
        assertThat(McpError.of(new McpError(429, McpError.SERVER_ERROR, "slow down"), ID)
                        .id())
                .isEqualTo(ID);
    }
}
