package io.devopsparadise.dashboard;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the dashboard finds the platform's services ({@code paradise.dashboard.*}).
 *
 * @param instanceManagerUrl where the instance-manager answers (instances and their health)
 * @param orchestratorUrl    where the quality-orchestrator answers (runs in progress; "Run quality" starts runs there)
 * @param reportServiceUrl   where the report-service answers (stored runs, trends, reports, the live stream)
 * @param gatewayUrl         where the gateway answers (shown to users as the MCP endpoint)
 * @param profiles           the quality profiles the dashboard offers when starting a run
 */
@ConfigurationProperties("paradise.dashboard")
public record DashboardProperties(
        URI instanceManagerUrl,
        URI orchestratorUrl,
        URI reportServiceUrl,
        URI gatewayUrl,

        @DefaultValue({"quick", "targeted", "standard", "comprehensive"})
        List<String> profiles) {}
