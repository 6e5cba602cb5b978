package io.devopsparadise.quality.insights.hotspots;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cyclomatic complexity of every JavaScript function, from ESLint's own {@code complexity} rule set to report from 0
 * and nothing else (the project's configuration is not read: its rules would only add noise here), in ESLint's JSON
 * format: {@code "Function 'total' has a complexity of 3. Maximum allowed is 0."}.
 */
public final class EslintComplexity {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern MESSAGE = Pattern.compile("^(.{1,300}?) has a complexity of (\\d{1,6})\\.");

    private EslintComplexity() {}

    /** The command, run at the workspace's root with ESLint from {@code nodeModules}. */
    public static List<String> command(String nodeModules) {
        return List.of(
                "node",
                nodeModules + "/eslint/bin/eslint.js",
                "--no-config-lookup",
                "--rule",
                "{\"complexity\": [\"warn\", 0]}",
                "--format",
                "json",
                "--no-error-on-unmatched-pattern",
                "--ignore-pattern",
                ".paradise/**",
                "--",
                "**/*.js",
                "**/*.mjs",
                "**/*.cjs");
    }

    /** Per file (relative to {@code root}, the workspace as the instance sees it), its functions; empty for output that does not read. */
    public static Map<String, FileComplexity> parse(String output, String root) {
        JsonNode results;
        try {
            results = JSON.readTree(output);
        } catch (JacksonException unreadable) {
            return Map.of();
        }
        Map<String, FileComplexity> files = new LinkedHashMap<>();
        String prefix = root.endsWith("/") ? root : root + "/";
        for (JsonNode result : results) {
            String path = result.path("filePath").asString("");
            String file = path.startsWith(prefix) ? path.substring(prefix.length()) : path;
            List<FunctionComplexity> functions = new ArrayList<>();
            for (JsonNode message : result.path("messages")) {
                Matcher match = MESSAGE.matcher(message.path("message").asString(""));
                if ("complexity".equals(message.path("ruleId").asString("")) && match.find()) {
                    functions.add(new FunctionComplexity(
                            file, match.group(1), message.path("line").asInt(0), Integer.parseInt(match.group(2))));
                }
            }
            if (!functions.isEmpty()) {
                files.put(file, new FileComplexity(file, functions));
            }
        }
        return files;
    }
}
