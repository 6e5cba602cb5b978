package io.devopsparadise.reports.insights;

import io.devopsparadise.contracts.quality.Severity;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Minutes to fix one finding, looked up from its most specific rule family to its least: {@code tool:RULE} (the rule's
 * code, say {@code flake8:C901}), {@code tool:PREFIX} (the code's letters, {@code pylint:R}), {@code tool:SEVERITY}
 * ({@code bandit:HIGH}), then the severity alone. The defaults are documented in docs/insights.md; configuration replaces
 * entries ({@code paradise.reports.insights.remediation-minutes.[flake8:E]=1}).
 */
public final class RemediationTable {

    static final Map<String, Integer> DEFAULTS = Map.ofEntries(
            Map.entry("flake8:E", 2),
            Map.entry("flake8:W", 2),
            Map.entry("flake8:F", 5),
            Map.entry("flake8:C", 10),
            Map.entry("flake8:C901", 30),
            Map.entry("flake8:N", 5),
            Map.entry("ruff:E", 2),
            Map.entry("ruff:W", 2),
            Map.entry("ruff:F", 5),
            Map.entry("ruff:C901", 30),
            Map.entry("pylint:C", 2),
            Map.entry("pylint:W", 5),
            Map.entry("pylint:R", 15),
            Map.entry("pylint:E", 15),
            Map.entry("pylint:F", 30),
            Map.entry("bandit:LOW", 15),
            Map.entry("bandit:MEDIUM", 30),
            Map.entry("bandit:HIGH", 60),
            Map.entry("npm-audit:LOW", 15),
            Map.entry("npm-audit:MEDIUM", 30),
            Map.entry("npm-audit:HIGH", 60),
            Map.entry("npm-audit:CRITICAL", 120),
            Map.entry("INFO", 1),
            Map.entry("LOW", 5),
            Map.entry("MEDIUM", 10),
            Map.entry("HIGH", 30),
            Map.entry("CRITICAL", 60));
    private static final Pattern CODE = Pattern.compile("^([A-Z]+)(\\d+)\\b");

    private final Map<String, Integer> minutes;

    public RemediationTable(Map<String, Integer> overrides) {
        Map<String, Integer> merged = new HashMap<>(DEFAULTS);
        merged.putAll(overrides);
        this.minutes = Map.copyOf(merged);
    }

    public int minutes(String tool, String rule, Severity severity) {
        String prefix = tool == null ? "" : tool.toLowerCase(Locale.ROOT) + ":";
        Matcher code = CODE.matcher(rule == null ? "" : rule);
        if (code.find()) {
            Integer exact = minutes.get(prefix + code.group(1) + code.group(2));
            if (exact != null) {
                return exact;
            }
            Integer family = minutes.get(prefix + code.group(1));
            if (family != null) {
                return family;
            }
        }
        Integer bySeverity = minutes.get(prefix + severity.name());
        return bySeverity != null ? bySeverity : minutes.getOrDefault(severity.name(), 5);
    }
}
