package io.devopsparadise.security;

import java.nio.file.Path;
import java.util.List;
import org.springframework.http.server.PathContainer;

/**
 * The credential Prometheus and Alertmanager present ({@code Authorization: Bearer <token>}): it opens only the
 * monitoring paths (metrics, and the dashboard's alert receiver), never an API that runs or changes anything. It lives
 * in its own file (0600) beside the service credential, so that the monitoring tools never hold the service
 * credential: whoever catches theirs (on a port it took while a service was down, say) reads metrics and posts
 * alerts, nothing more.
 */
public final class MonitoringCredential {

    private final ServiceCredential token;
    private final ProtectedPaths paths;

    private MonitoringCredential(ServiceCredential token, ProtectedPaths paths) {
        this.token = token;
        this.paths = paths;
    }

    public static MonitoringCredential from(Path file, List<String> paths) {
        return new MonitoringCredential(ServiceCredential.from(file, "pdm_"), new ProtectedPaths(paths, List.of()));
    }

    /** Whether the header carries the monitoring credential and the path is one it opens. */
    public boolean opens(PathContainer path, String authorizationHeader) {
        return paths.needCredential(path) && token.accepts(authorizationHeader);
    }

    public boolean opens(String path, String authorizationHeader) {
        return opens(PathContainer.parsePath(path), authorizationHeader);
    }

    @Override
    public String toString() {
        return "MonitoringCredential[hidden]";
    }
}
