package io.devopsparadise.dashboard;

import java.net.URI;
import java.time.Duration;
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
 * @param alerts             what the dashboard does with the alerts Alertmanager sends it (docs/monitoring.md)
 * @param liveHeartbeat      how often each browser's live stream gets a comment line, so that a browser that left is
 *                           noticed and its stream closed even while no event comes
 * @param liveMaxStreams     how many live streams the dashboard keeps open at once, for all browsers together
 * @param liveMaxStreamsPerSession how many of them one signed-in browser may hold (its tabs)
 */
@ConfigurationProperties("paradise.dashboard")
public record DashboardProperties(
        URI instanceManagerUrl,
        URI orchestratorUrl,
        URI reportServiceUrl,
        URI gatewayUrl,

        @DefaultValue({"quick", "targeted", "standard", "comprehensive"})
        List<String> profiles,

        @DefaultValue Alerts alerts,
        @DefaultValue("15s") Duration liveHeartbeat,
        @DefaultValue("64") int liveMaxStreams,
        @DefaultValue("8") int liveMaxStreamsPerSession) {

    public DashboardProperties {
        if (liveHeartbeat == null || liveHeartbeat.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException(
                    "paradise.dashboard.live-heartbeat must be at least 100ms, such as 15s; got " + liveHeartbeat);
        }
        if (liveMaxStreams < 1 || liveMaxStreamsPerSession < 1) {
            throw new IllegalArgumentException(
                    "paradise.dashboard.live-max-streams and live-max-streams-per-session must be at least 1; got "
                            + liveMaxStreams + " and " + liveMaxStreamsPerSession);
        }
    }

    /**
     * @param webhookUrl where each notification is forwarded as Slack-compatible JSON ({@code {"text": ...}}); none
     *                   when unset
     * @param retained   how many alerts the dashboard keeps (the newest; resolved ones go first)
     * @param forwardTimeout how long one forward may take before it is tried again
     */
    public record Alerts(
            URI webhookUrl,
            @DefaultValue("500") int retained,
            @DefaultValue("5s") Duration forwardTimeout) {

        public Alerts {
            if (retained < 1) {
                throw new IllegalArgumentException("paradise.dashboard.alerts.retained must be at least 1");
            }
            if (webhookUrl != null
                    && !("http".equals(webhookUrl.getScheme()) || "https".equals(webhookUrl.getScheme()))) {
                throw new IllegalArgumentException(
                        "paradise.dashboard.alerts.webhook-url must be an http or https URL, not " + webhookUrl);
            }
        }
    }
}
