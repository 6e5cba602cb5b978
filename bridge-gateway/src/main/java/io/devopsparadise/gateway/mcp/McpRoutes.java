package io.devopsparadise.gateway.mcp;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The MCP endpoints: Streamable HTTP at /mcp, the legacy HTTP+SSE pair at /sse and /messages; each also per client. */
@Configuration(proxyBeanMethods = false)
class McpRoutes {

    @Bean
    RouterFunction<ServerResponse> mcpEndpoints(StreamableHttpHandler mcp, LegacySseHandler legacy) {
        return route().POST("/mcp", mcp::post)
                .GET("/mcp", mcp::get)
                .DELETE("/mcp", mcp::delete)
                .POST("/clients/{clientId}/mcp", mcp::post)
                .GET("/clients/{clientId}/mcp", mcp::get)
                .DELETE("/clients/{clientId}/mcp", mcp::delete)
                .GET("/sse", legacy::open)
                .POST("/messages", legacy::post)
                .GET("/clients/{clientId}/sse", legacy::open)
                .POST("/clients/{clientId}/messages", legacy::post)
                .build();
    }
}
