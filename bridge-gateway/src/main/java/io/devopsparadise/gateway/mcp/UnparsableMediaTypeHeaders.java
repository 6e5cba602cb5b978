package io.devopsparadise.gateway.mcp;

import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/**
 * Answers a Content-Type that is not a media type with 400, and an Accept that is not a list of media types with
 * 406, before Spring parses them. Spring parses Content-Type while it builds the exchange, before any filter or
 * handler, and Accept in routing and in its error page; some values (one starting with a quote) make its parser
 * throw an exception nobody maps: the connection was closed without an answer, or the answer was a 500.
 */
@Configuration(proxyBeanMethods = false)
class UnparsableMediaTypeHeaders {

    @Bean
    HttpHandlerDecoratorFactory refuseUnparsableMediaTypeHeaders() {
        return handler -> (request, response) -> {
            if (!parsable(request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE))) {
                return refuse(
                        request,
                        response,
                        HttpStatus.BAD_REQUEST,
                        "Content-Type is not a media type; send Content-Type: application/json");
            }
            for (String accept : request.getHeaders().getOrEmpty(HttpHeaders.ACCEPT)) {
                if (!parsableList(accept)) {
                    return refuse(
                            request,
                            response,
                            HttpStatus.NOT_ACCEPTABLE,
                            "Accept is not a list of media types; send Accept: application/json, text/event-stream");
                }
            }
            return handler.handle(request, response);
        };
    }

    private static boolean parsable(String mediaType) {
        try {
            if (mediaType != null) {
                MediaType.parseMediaType(mediaType);
            }
            return true;
        } catch (RuntimeException notAMediaType) {
            return false;
        }
    }

    private static boolean parsableList(String mediaTypes) {
        try {
            MediaType.parseMediaTypes(mediaTypes);
            return true;
        } catch (RuntimeException notMediaTypes) {
            return false;
        }
    }

    private static Mono<Void> refuse(
            ServerHttpRequest request, ServerHttpResponse response, HttpStatus status, String message) {
        String path = request.getPath().value();
        boolean mcp = path.endsWith("/mcp") || path.endsWith("/messages") || path.endsWith("/sse");
        String body = mcp
                ? "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":" + McpError.INVALID_REQUEST + ",\"message\":\""
                        + message + "\"}}"
                : "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                        + status.value() + ",\"detail\":\"" + message + "\"}";
        response.setStatusCode(status);
        response.getHeaders().setContentType(mcp ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }
}
