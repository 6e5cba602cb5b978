package io.devopsparadise.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DNS rebinding: which Origin headers the gateway lets through, with https://team.example.org configured. */
class McpGuardOriginTests {

    private static final List<String> CONFIGURED = List.of("https://team.example.org");

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            nullValues = "NONE",
            value = {
                "NONE,                                  true",
                "http://localhost,                      true",
                "http://localhost:8100,                 true",
                "https://127.0.0.1:443,                 true",
                "http://[::1]:8100,                     true",
                "https://team.example.org,              true",
                "http://localhost.evil.com,             false",
                "http://localhost.evil.com:8100,        false",
                "http://127.0.0.1.evil.com,             false",
                "http://[::1].evil.com,                 false",
                "http://localhost:8100@evil.com,        false",
                "http://localhost:8100/mcp,             false",
                "http://localhost:port,                 false",
                "http://evil.com,                       false",
                "http://0.0.0.0:8100,                   false",
                "http://127.0.0.2:8100,                 false",
                "null,                                  false",
                "file://,                               false",
                "ws://localhost:8100,                   false",
                "' http://localhost',                   false",
                "https://team.example.org.evil.com,     false",
                "https://team.example.org:8443,         false",
                "http://team.example.org,               false",
            })
    void anOriginIsAllowedOnlyWhenLoopbackOrConfiguredExactly(String origin, boolean allowed) {
        assertThat(McpGuard.isAllowedOrigin(origin, CONFIGURED)).isEqualTo(allowed);
    }
}
