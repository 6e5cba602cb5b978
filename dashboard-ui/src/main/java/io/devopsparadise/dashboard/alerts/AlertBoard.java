package io.devopsparadise.dashboard.alerts;

import io.devopsparadise.dashboard.DashboardProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The alerts Alertmanager sent, newest state per alert (its fingerprint), at most {@code retained}: past that, the
 * resolved alerts heard of longest ago go first, then the firing ones heard of longest ago. Kept in memory: Alertmanager sends the firing ones again on its repeat
 * interval, and its own page (port 9093) has the full picture.
 */
@Component
public class AlertBoard {

    /** An alert and when the dashboard last heard of it. */
    public record ShownAlert(ReceivedAlert alert, Instant receivedAt) {}

    private final Map<String, ShownAlert> byFingerprint = new LinkedHashMap<>();
    private final int retained;
    private final Clock clock;

    AlertBoard(DashboardProperties properties, Clock clock) {
        this.retained = properties.alerts().retained();
        this.clock = clock;
    }

    public synchronized void receive(List<ReceivedAlert> alerts) {
        Instant now = clock.instant();
        for (ReceivedAlert alert : alerts) {
            byFingerprint.remove(alert.fingerprint());
            byFingerprint.put(alert.fingerprint(), new ShownAlert(alert, now));
        }
        while (byFingerprint.size() > retained) {
            String oldest = byFingerprint.values().stream()
                    .filter(shown -> !shown.alert().firing())
                    .findFirst()
                    .or(() -> byFingerprint.values().stream().findFirst())
                    .orElseThrow()
                    .alert()
                    .fingerprint();
            byFingerprint.remove(oldest);
        }
    }

    /** Firing alerts first, then resolved ones, newest first within each. */
    public synchronized List<ShownAlert> alerts() {
        List<ShownAlert> all = new ArrayList<>(byFingerprint.values());
        all.sort(Comparator.comparing((ShownAlert shown) -> !shown.alert().firing())
                .thenComparing(ShownAlert::receivedAt, Comparator.reverseOrder()));
        return all;
    }

    public synchronized long firing() {
        return byFingerprint.values().stream()
                .filter(shown -> shown.alert().firing())
                .count();
    }
}
