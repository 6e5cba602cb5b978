package io.devopsparadise.dashboard.alerts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** What Alertmanager's webhook receiver posts: a group of alerts and the group's status. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertmanagerNotification(String version, String status, String receiver, List<ReceivedAlert> alerts) {

    public AlertmanagerNotification {
        alerts = alerts == null ? List.of() : alerts;
    }
}
