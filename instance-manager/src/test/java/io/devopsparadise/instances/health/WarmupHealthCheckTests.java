package io.devopsparadise.instances.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server of the JDK's answering as the code backend's GET /ready does, and as it must not. */
class WarmupHealthCheckTests {

    private final HealthCheck check = HealthChecks.warmup("mcp", "/ready");
    private HttpServer server;

    private Map<String, Integer> answering(int status, String body) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ready", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return Map.of("mcp", server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void readyIsHealthyWithTheBackendsOwnWords() throws Exception {
        HealthResult result = check.check(
                answering(200, "{\"state\":\"ready\",\"detail\":\"indexed 65 python files\"}"), Duration.ofSeconds(2));

        assertThat(result.healthy()).isTrue();
        assertThat(result.detail()).isEqualTo("indexed 65 python files");
    }

    @Test
    void indexingIsWarmingNotUnhealthy() throws Exception {
        HealthResult result = check.check(
                answering(503, "{\"state\":\"indexing\",\"detail\":\"python: indexing the workspace (4 s)\"}"),
                Duration.ofSeconds(2));

        assertThat(result.healthy()).isFalse();
        assertThat(result.warming()).isTrue();
        assertThat(result.detail()).isEqualTo("indexing: python: indexing the workspace (4 s)");
    }

    @Test
    void aFailedBackendAnErrorOrAnAnswerThatIsNotJsonIsUnhealthy() throws Exception {
        HealthResult failed = check.check(
                answering(503, "{\"state\":\"failed\",\"detail\":\"the python language server exited\"}"),
                Duration.ofSeconds(2));
        stop();
        HealthResult error = check.check(answering(500, "<html>oops</html>"), Duration.ofSeconds(2));
        stop();
        HealthResult empty = check.check(answering(503, ""), Duration.ofSeconds(2));

        assertThat(failed.warming()).isFalse();
        assertThat(failed.healthy()).isFalse();
        assertThat(failed.detail()).contains("HTTP 503").contains("failed: the python language server exited");
        assertThat(error.healthy() || error.warming()).isFalse();
        assertThat(error.detail()).contains("HTTP 500");
        assertThat(empty.healthy() || empty.warming()).isFalse();
    }

    @Test
    void nothingListeningIsUnhealthy() throws Exception {
        Map<String, Integer> ports = answering(200, "{}");
        stop();

        HealthResult result = check.check(ports, Duration.ofSeconds(2));

        assertThat(result.healthy() || result.warming()).isFalse();
        assertThat(result.detail()).contains("GET :mcp/ready");
    }
}
