package io.devopsparadise.gateway.web;

import io.devopsparadise.gateway.GatewayProperties;
import io.devopsparadise.gateway.clients.AdminToken;
import io.devopsparadise.gateway.clients.ClientRegistry;
import io.devopsparadise.security.HostAllowList;
import io.devopsparadise.security.MonitoringCredential;
import io.devopsparadise.security.ProtectedPaths;
import io.devopsparadise.security.SecurityProperties;
import io.devopsparadise.security.ServiceCredential;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway faces clients, perhaps a whole team: every request must name one of its hosts (loopback, the public
 * URL's host, {@code PARADISE_ALLOWED_HOSTS}), and the actuator and {@code /api/usage}, which name clients, need the
 * service credential or the admin token. The MCP endpoint and the client API check their own tokens.
 */
@Component
class GatewayAccessFilter implements WebFilter, Ordered {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ProtectedPaths ACTUATOR = new ProtectedPaths(
            List.of("/actuator/**", "/api/usage"), List.of("/actuator/health", "/actuator/health/**"));

    private final HostAllowList hosts;
    private final ServiceCredential credential;
    private final MonitoringCredential monitoring;
    private final AdminToken admin;
    private final ClientRegistry registry;

    GatewayAccessFilter(
            SecurityProperties security,
            GatewayProperties properties,
            ServiceCredential credential,
            MonitoringCredential monitoring,
            AdminToken admin,
            ClientRegistry registry) {
        List<String> names = new ArrayList<>(security.allowedHosts());
        if (properties.publicUrl().getHost() != null) {
            names.add(properties.publicUrl().getHost());
        }
        this.hosts = new HostAllowList(names);
        this.credential = credential;
        this.monitoring = monitoring;
        this.admin = admin;
        this.registry = registry;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (!hosts.permits(headers.getFirst(HttpHeaders.HOST))) {
            return reject(
                    exchange.getResponse(),
                    HttpStatus.FORBIDDEN,
                    "Host not allowed",
                    "this gateway answers to " + String.join(", ", hosts.names())
                            + " only (a request naming another host is how a web page reaches a local service through DNS rebinding); "
                            + "if the name is this gateway's, set PARADISE_PUBLIC_URL to it or add it to PARADISE_ALLOWED_HOSTS");
        }
        var path = exchange.getRequest().getPath().pathWithinApplication();
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (ACTUATOR.needCredential(path)
                && !authorized(authorization)
                && !monitoring.opens(exchange.getRequest().getMethod().name(), path, authorization)) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"devops-paradise\"");
            return reject(
                    exchange.getResponse(),
                    HttpStatus.UNAUTHORIZED,
                    "Credential required",
                    "the actuator and the usage name clients: send Authorization: Bearer <admin token or service token>");
        }
        if (isUnknownBearer(authorization)) {
            // perhaps a client another gateway registered a moment ago: the handlers then find it
            return registry.readAgainForUnknownToken().then(Mono.defer(() -> chain.filter(exchange)));
        }
        return chain.filter(exchange);
    }

    private boolean isUnknownBearer(String authorization) {
        return authorization != null
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && !authorization.substring(7).isBlank()
                && !registry.knows(authorization.substring(7).strip())
                && !authorized(authorization);
    }

    private boolean authorized(String authorization) {
        return credential.accepts(authorization)
                || authorization != null
                        && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                        && admin.matches(authorization.substring(7).strip());
    }

    private static Mono<Void> reject(ServerHttpResponse response, HttpStatus status, String title, String detail) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory()
                .wrap(JSON.writeValueAsBytes(
                        Map.of("type", "about:blank", "title", title, "status", status.value(), "detail", detail)));
        return response.writeWith(Mono.just(body));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
