package io.devopsparadise.security;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The credential Prometheus and Alertmanager present ({@code Authorization: Bearer <token>}): it opens only the
 * monitoring requests (reading metrics, and delivering alerts to the dashboard), never an API that runs, changes or
 * shows anything else. It lives in its own file (0600) beside the service credential, so that the monitoring tools
 * never hold the service credential: whoever catches theirs (on a port it took while a service was down, say) reads
 * metrics and posts alerts, nothing more.
 */
public final class MonitoringCredential {

    /** One monitoring request: a method (null for any) and a path pattern, written {@code "POST /api/alerts"}. */
    private record Opening(String method, PathPattern path) {
        static Opening parse(String entry) {
            String[] parts = entry.strip().split("\\s+", 2);
            return parts.length == 2
                    ? new Opening(parts[0].toUpperCase(Locale.ROOT), PathPatternParser.defaultInstance.parse(parts[1]))
                    : new Opening(null, PathPatternParser.defaultInstance.parse(parts[0]));
        }

        boolean matches(String requestMethod, PathContainer requestPath) {
            return (method == null || method.equalsIgnoreCase(requestMethod)) && path.matches(requestPath);
        }
    }

    private final ServiceCredential token;
    private final List<Opening> openings;

    private MonitoringCredential(ServiceCredential token, List<Opening> openings) {
        this.token = token;
        this.openings = openings;
    }

    /** @param requests entries such as {@code "GET /actuator/prometheus"} or {@code "POST /api/alerts"} */
    public static MonitoringCredential from(Path file, List<String> requests) {
        return new MonitoringCredential(
                ServiceCredential.from(file, "pdm_"),
                requests.stream().map(Opening::parse).toList());
    }

    /** Whether the header carries the monitoring credential and the request is one it opens. */
    public boolean opens(String method, PathContainer path, String authorizationHeader) {
        return openings.stream().anyMatch(opening -> opening.matches(method, path))
                && token.accepts(authorizationHeader);
    }

    public boolean opens(String method, String path, String authorizationHeader) {
        return opens(method, PathContainer.parsePath(path), authorizationHeader);
    }

    @Override
    public String toString() {
        return "MonitoringCredential[hidden]";
    }
}
