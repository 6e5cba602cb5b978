package io.devopsparadise.security;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a service checks of its callers (defaults in {@code paradise-security-defaults.properties}).
 *
 * @param home             the data directory, made the platform user's alone (0700) at start
 * @param serviceTokenFile the file holding the service credential ({@code PARADISE_SERVICE_TOKEN_FILE})
 * @param allowedHosts     names besides the loopback ones that {@code Host} may carry ({@code PARADISE_ALLOWED_HOSTS})
 * @param credentialPaths  path patterns that need the service credential
 * @param openPaths        path patterns among those that need none (health, the API documentation)
 * @param monitoringTokenFile the file holding the monitoring credential ({@code PARADISE_MONITORING_TOKEN_FILE}), which
 *                         Prometheus and Alertmanager present: it opens {@code monitoringPaths} and nothing else
 * @param monitoringPaths  requests the monitoring credential opens, as {@code "METHOD /path-pattern"}
 */
@ConfigurationProperties("paradise.security")
public record SecurityProperties(
        Path home,
        Path serviceTokenFile,
        List<String> allowedHosts,
        List<String> credentialPaths,
        List<String> openPaths,
        Path monitoringTokenFile,
        List<String> monitoringPaths) {

    public SecurityProperties {
        monitoringPaths = monitoringPaths == null ? List.of() : List.copyOf(monitoringPaths);
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        credentialPaths = credentialPaths == null ? List.of("/**") : List.copyOf(credentialPaths);
        openPaths = openPaths == null ? List.of() : List.copyOf(openPaths);
    }
}
