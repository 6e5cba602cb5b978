package io.devopsparadise.dashboard.alerts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Map;

/**
 * One alert as Alertmanager's webhook sends it (version 4 of its payload).
 *
 * @param status       {@code firing} or {@code resolved}
 * @param fingerprint  Alertmanager's identity of the alert: the same alert firing again keeps it
 * @param endsAt       when it resolved; Alertmanager sends the zero time ({@code 0001-01-01}) while it fires
 * @param generatorURL the Prometheus expression that fired it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReceivedAlert(
        String status,
        Map<String, String> labels,
        Map<String, String> annotations,
        Instant startsAt,
        Instant endsAt,
        String generatorURL,
        String fingerprint) {

    public static final String FIRING = "firing";
    public static final String RESOLVED = "resolved";

    public ReceivedAlert {
        labels = labels == null ? Map.of() : labels;
        annotations = annotations == null ? Map.of() : annotations;
    }

    public boolean firing() {
        return FIRING.equals(status);
    }

    public String name() {
        return labels.getOrDefault("alertname", "unnamed alert");
    }

    public String severity() {
        return labels.getOrDefault("severity", "none");
    }

    public String summary() {
        return annotations.getOrDefault("summary", name());
    }

    public String description() {
        return annotations.getOrDefault("description", "");
    }

    /** When it resolved; null while it fires. */
    public Instant resolvedAt() {
        return firing() || endsAt == null || endsAt.isBefore(Instant.EPOCH) ? null : endsAt;
    }
}
