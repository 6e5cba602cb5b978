package io.devopsparadise.dashboard.alerts;

import java.util.Map;

/**
 * The bounds a notification must keep: whoever holds the service credential can post one, and what is kept is shown
 * in browsers and forwarded to chat.
 */
final class AlertInput {

    static final int MAX_BODY_BYTES = 1 << 20;
    static final int MAX_ALERTS = 1_000;
    static final int MAX_LABELS = 32;
    static final int MAX_TEXT = 1_024;
    /** One alert's labels and annotations together: 500 kept alerts then hold at most 8 MiB. */
    static final int MAX_ALERT_TEXT = 16_384;

    private AlertInput() {}

    static void check(AlertmanagerNotification notification) {
        if (notification == null) {
            throw invalid("the body is empty; post Alertmanager's webhook JSON");
        }
        if (notification.alerts().size() > MAX_ALERTS) {
            throw invalid("the notification carries " + notification.alerts().size() + " alerts; at most " + MAX_ALERTS
                    + " are taken at once (lower Alertmanager's max_alerts)");
        }
        for (int i = 0; i < notification.alerts().size(); i++) {
            check(notification.alerts().get(i), "alerts[" + i + "]");
        }
    }

    private static void check(ReceivedAlert alert, String where) {
        if (alert == null) {
            throw invalid(where + " is null");
        }
        if (!ReceivedAlert.FIRING.equals(alert.status()) && !ReceivedAlert.RESOLVED.equals(alert.status())) {
            throw invalid(where + ".status must be 'firing' or 'resolved'");
        }
        if (alert.fingerprint() == null || !alert.fingerprint().matches("[0-9a-zA-Z]{1,64}")) {
            throw invalid(where + ".fingerprint must be Alertmanager's fingerprint (1 to 64 letters and digits)");
        }
        if (alert.startsAt() == null) {
            throw invalid(where + ".startsAt is missing");
        }
        check(alert.labels(), where + ".labels");
        check(alert.annotations(), where + ".annotations");
        if (size(alert.labels()) + size(alert.annotations()) > MAX_ALERT_TEXT) {
            throw invalid(
                    where + "'s labels and annotations hold more than " + MAX_ALERT_TEXT + " characters together");
        }
        if (!alert.labels().containsKey("alertname")) {
            throw invalid(where + ".labels has no alertname");
        }
    }

    private static void check(Map<String, String> values, String where) {
        if (values.size() > MAX_LABELS) {
            throw invalid(where + " has " + values.size() + " entries; at most " + MAX_LABELS);
        }
        values.forEach((name, value) -> {
            if (name == null || value == null) {
                throw invalid(where + " has a null name or value");
            }
            if (name.length() > MAX_TEXT || value.length() > MAX_TEXT) {
                throw invalid(where + "." + name.substring(0, Math.min(name.length(), 64)) + " is longer than "
                        + MAX_TEXT + " characters");
            }
        });
    }

    private static int size(Map<String, String> values) {
        return values.entrySet().stream()
                .mapToInt(e -> e.getKey().length() + e.getValue().length())
                .sum();
    }

    private static InvalidAlertsException invalid(String message) {
        return new InvalidAlertsException(400, message);
    }
}
