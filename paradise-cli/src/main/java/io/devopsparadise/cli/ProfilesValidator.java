package io.devopsparadise.cli;

import io.devopsparadise.contracts.quality.ProfileRules;
import io.devopsparadise.contracts.quality.Severity;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks a quality profiles file ({@code $PARADISE_HOME/quality-profiles.yml}, the shape of the orchestrator's
 * {@code paradise.quality.profiles}) before the orchestrator loads it: every problem with its path and what is expected.
 */
final class ProfilesValidator {

    private final YAMLMapper yaml = YAMLMapper.builder().build();

    List<String> validate(Path file) {
        JsonNode root;
        try {
            root = yaml.readTree(Files.readString(file));
        } catch (JacksonException e) {
            return List.of(file + " is not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            return List.of("cannot read " + file + ": " + e.getMessage());
        }
        JsonNode profiles =
                root == null ? null : root.path("paradise").path("quality").path("profiles");
        if (profiles == null || !profiles.isObject() || profiles.isEmpty()) {
            return List.of(
                    "paradise.quality.profiles: missing; the file must hold paradise: quality: profiles: <name>: {…}");
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : profiles.properties()) {
            check("paradise.quality.profiles." + entry.getKey(), entry.getKey(), entry.getValue(), problems);
        }
        return problems;
    }

    private static void check(String where, String name, JsonNode profile, List<String> problems) {
        if (!name.matches(ProfileRules.NAME)) {
            problems.add(where + ": the name must be letters, digits, '-' or '_'");
        }
        if (!profile.isObject()) {
            problems.add(where + ": must be a mapping of " + ProfileRules.KEYS);
            return;
        }
        profile.propertyNames().stream()
                .filter(key -> !ProfileRules.KEYS.contains(key))
                .forEach(key -> problems.add(where + "." + key + ": unknown setting; known: " + ProfileRules.KEYS));
        JsonNode categories = profile.path("categories");
        if (!categories.isArray() || categories.isEmpty()) {
            problems.add(where + ".categories: give a list of at least one of " + ProfileRules.CATEGORIES);
        } else {
            categories.values().forEach(category -> {
                if (!ProfileRules.CATEGORIES.contains(category.asString(""))) {
                    problems.add(where + ".categories: '" + category.asString("") + "' is not one of "
                            + ProfileRules.CATEGORIES);
                }
            });
        }
        if (profile.has("tool-timeout")
                && !profile.path("tool-timeout").asString("").matches("\\d+(ms|s|m|h|d)")) {
            problems.add(where + ".tool-timeout: '"
                    + profile.path("tool-timeout").asString("") + "' is not a duration like 90s, 10m or 1h");
        }
        fraction(where + ".min-line-coverage", profile.get("min-line-coverage"), problems);
        fraction(where + ".min-performance-score", profile.get("min-performance-score"), problems);
        JsonNode limits = profile.path("max-findings");
        if (!limits.isMissingNode()) {
            if (!limits.isObject()) {
                problems.add(where + ".max-findings: must map severities to counts, like { critical: 0, high: 0 }");
            } else {
                for (Map.Entry<String, JsonNode> limit : limits.properties()) {
                    if (!severity(limit.getKey())) {
                        problems.add(where + ".max-findings." + limit.getKey() + ": not a severity; use "
                                + List.of(Severity.values()));
                    }
                    if (!limit.getValue().isIntegralNumber() || limit.getValue().asInt() < 0) {
                        problems.add(where + ".max-findings." + limit.getKey() + ": must be a whole number, 0 or more");
                    }
                }
            }
        }
        for (String flag : List.of(
                "fail-fast",
                "changed-only",
                "full-tests",
                "reuse-results",
                "run-unconfigured-linters",
                "judge-unconfigured-linters")) {
            if (profile.has(flag) && !profile.path(flag).isBoolean()) {
                problems.add(where + "." + flag + ": must be true or false");
            }
        }
        if (profile.has("target-url")) {
            String url = profile.path("target-url").asString("");
            try {
                URI uri = URI.create(url);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                    problems.add(where + ".target-url: '" + url + "' must be an http or https URL");
                }
            } catch (IllegalArgumentException e) {
                problems.add(where + ".target-url: '" + url + "' is not a URL");
            }
        }
    }

    private static void fraction(String where, JsonNode value, List<String> problems) {
        if (value != null && (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1)) {
            problems.add(where + ": must be a number from 0 to 1 (0.8 means 80%), got " + value);
        }
    }

    private static boolean severity(String name) {
        try {
            Severity.valueOf(name.toUpperCase(Locale.ROOT));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
