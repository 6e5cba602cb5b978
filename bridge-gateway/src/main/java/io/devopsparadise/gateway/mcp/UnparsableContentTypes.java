package io.devopsparadise.gateway.mcp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;

/**
 * Answers 400 to a Content-Type that is not a media type, before Spring parses it. Spring parses it while it
 * builds the exchange, before any filter or handler runs, and some values (one starting with a quote) make it throw
 * an exception nobody maps: the connection was then closed without an answer.
 */
@Configuration(proxyBeanMethods = false)
class UnparsableContentTypes {

    @Bean
    HttpHandlerDecoratorFactory refuseUnparsableContentTypes() {
        return handler -> (request, response) -> parsable(request) ? handler.handle(request, response) : refuse(request, response);
    }

    private static boolean parsable(ServerHttpRequest request) {
        String contentType = request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
        if (contentType == null) {
            return true;
        }
        try {
            MediaType.parseMediaType(contentType);
            return true;
        } catch (RuntimeException notAMediaType) {
            return false;
        }
    }

    private static Mono<Void> refuse(ServerHttpRequest request, ServerHttpResponse response) {
        String message = "Content-Type is not a media type; send Content-Type: application/json";
        String path = request.getPath().value();
        boolean mcp = path.endsWith("/mcp") || path.endsWith("/messages") || path.endsWith("/sse");
        String body = mcp
                ? "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":" + McpError.INVALID_REQUEST + ",\"message\":\"" + message + "\"}}"
                : "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"" + message + "\"}";
        response.setStatusCode(HttpStatus.BAD_REQUEST);
        response.getHeaders().setContentType(mcp ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }
}
