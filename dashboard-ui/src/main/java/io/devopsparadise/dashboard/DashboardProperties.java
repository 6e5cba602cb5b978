package io.devopsparadise.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.util.List;

/**
 * Where the dashboard finds the platform's services ({@code paradise.dashboard.*}).
 *
 * @param profiles the quality profiles the dashboard offers when starting a run
 */
@ConfigurationProperties("paradise.dashboard")
public record DashboardProperties(
        URI instanceManagerUrl,
        URI orchestratorUrl,
        URI reportServiceUrl,
        URI gatewayUrl,
        @DefaultValue({"quick", "standard", "comprehensive"}) List<String> profiles) {
}
