package io.devopsparadise.instances.api;

import io.devopsparadise.instances.lifecycle.Leadership;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A standby manager's API answers 503: another manager is active on the same database, and only it manages instances.
 * After the service credential is checked: a caller without it learns nothing, not even that this one stands by.
 */
@Component
class StandbyFilter extends OncePerRequestFilter implements Ordered {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Leadership leadership;

    StandbyFilter(Leadership leadership) {
        this.leadership = leadership;
    }

    /** Everything but the actuator (health, metrics) waits for the active manager, by the path handlers are chosen by. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath() + java.util.Objects.toString(request.getPathInfo(), "");
        return leadership.isActive() || path.startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (leadership.isActive()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream()
                .write(JSON.writeValueAsBytes(Map.of(
                        "type",
                        "about:blank",
                        "title",
                        "Standby",
                        "status",
                        503,
                        "detail",
                        "this instance-manager stands by: another one is active on the same database and manages the"
                                + " instances. Send requests to the active one (its /actuator/health/readiness is UP);"
                                + " this one takes over when it goes")));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
