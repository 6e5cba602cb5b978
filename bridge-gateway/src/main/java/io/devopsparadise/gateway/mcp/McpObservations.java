package io.devopsparadise.gateway.mcp;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * MCP traffic is measured once, by {@link McpMetrics} (per client and JSON-RPC method). The generic HTTP server
 * observation would measure every MCP request a second time, on the hot path, without telling methods apart.
 */
@Configuration(proxyBeanMethods = false)
class McpObservations {

    @Bean
    ObservationPredicate skipGenericObservationOfMcpTraffic() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext server
                && isMcp(server.getCarrier().getPath().value()));
    }

    private static boolean isMcp(String path) {
        return path.endsWith("/mcp") || path.endsWith("/messages") || path.endsWith("/sse");
    }
}
