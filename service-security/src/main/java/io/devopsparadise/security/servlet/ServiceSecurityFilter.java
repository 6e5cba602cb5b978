package io.devopsparadise.security.servlet;

import io.devopsparadise.security.HostAllowList;
import io.devopsparadise.security.MonitoringCredential;
import io.devopsparadise.security.ProtectedPaths;
import io.devopsparadise.security.ServiceCredential;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks every request before any handler: its {@code Host} must be one of the service's names (403 otherwise), and,
 * on a protected path, it must carry the service credential (401 otherwise).
 */
public class ServiceSecurityFilter extends OncePerRequestFilter implements Ordered {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServiceCredential credential;
    private final MonitoringCredential monitoring;
    private final HostAllowList hosts;
    private final ProtectedPaths paths;

    public ServiceSecurityFilter(
            ServiceCredential credential, MonitoringCredential monitoring, HostAllowList hosts, ProtectedPaths paths) {
        this.credential = credential;
        this.monitoring = monitoring;
        this.hosts = hosts;
        this.paths = paths;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hosts.permits(request.getHeader(HttpHeaders.HOST))) {
            reject(
                    response,
                    HttpStatus.FORBIDDEN,
                    "Host not allowed",
                    "this service answers to " + String.join(", ", hosts.names())
                            + " only (a request naming another host is how a web page reaches a local service through DNS rebinding); "
                            + "if the name is this machine's, add it to PARADISE_ALLOWED_HOSTS");
            return;
        }
        String path = routedPath(request);
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (paths.needCredential(path)
                && !credential.accepts(authorization)
                && !monitoring.opens(request.getMethod(), path, authorization)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"devops-paradise\"");
            reject(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "Service credential required",
                    "this API serves the platform's own services only: send Authorization: Bearer <token> with the token from the data directory's service-token file");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The path as the container decoded and normalized it, the one the handlers are chosen by. */
    private static String routedPath(HttpServletRequest request) {
        String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
        return path.isEmpty() ? "/" : path;
    }

    private static void reject(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream()
                .write(JSON.writeValueAsBytes(
                        Map.of("type", "about:blank", "title", title, "status", status.value(), "detail", detail)));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
