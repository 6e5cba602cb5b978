package io.devopsparadise.quality.projectrules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The Ruff settings a project gives in {@code [tool.ruff]} of pyproject.toml, ruff.toml or .ruff.toml: rule
 * selection, line length, complexity and exclusions. Lint settings are read from {@code lint.*} and, as older Ruff
 * versions allowed, from the top level.
 *
 * @param source        the file they come from
 * @param select        absent = Ruff's default selection
 * @param exclude       absent = Ruff's default exclusions
 * @param lineLength    pycodestyle's max-line-length when given, else line-length, else Ruff's 88
 * @param maxComplexity mccabe's max-complexity (Ruff's default 10)
 */
public record RuffSettings(
        String source,
        Optional<List<String>> select,
        List<String> extendSelect,
        List<String> ignore,
        int lineLength,
        int maxComplexity,
        Map<String, List<String>> perFileIgnores,
        Optional<List<String>> exclude,
        List<String> extendExclude) {

    static final int DEFAULT_LINE_LENGTH = 88;
    static final int DEFAULT_MAX_COMPLEXITY = 10;

    public RuffSettings {
        select = select.map(List::copyOf);
        extendSelect = List.copyOf(extendSelect);
        ignore = List.copyOf(ignore);
        perFileIgnores = Map.copyOf(perFileIgnores);
        exclude = exclude.map(List::copyOf);
        extendExclude = List.copyOf(extendExclude);
    }

    /** Ruff's defaults, for a project whose Ruff configuration cannot be read. */
    public static RuffSettings defaults() {
        return of("Ruff's defaults", tools.jackson.databind.node.MissingNode.getInstance());
    }

    /** Reads the settings from Ruff's table: {@code tool.ruff} of pyproject.toml, or the whole of ruff.toml. */
    static RuffSettings of(String source, JsonNode ruff) {
        JsonNode lint = ruff.path("lint");
        List<String> ignore =
                new ArrayList<>(strings(source, setting(ruff, lint, "ignore")).orElse(List.of()));
        ignore.addAll(strings(source, setting(ruff, lint, "extend-ignore")).orElse(List.of()));
        Map<String, List<String>> perFile =
                new LinkedHashMap<>(perFileIgnores(source, setting(ruff, lint, "per-file-ignores")));
        perFileIgnores(source, setting(ruff, lint, "extend-per-file-ignores"))
                .forEach((glob, codes) -> perFile.merge(
                        glob,
                        codes,
                        (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream())
                                .toList()));
        int lineLength = integer(source, setting(ruff, lint, "pycodestyle").path("max-line-length"))
                .or(() -> integer(source, ruff.path("line-length")))
                .orElse(DEFAULT_LINE_LENGTH);
        int complexity = integer(source, setting(ruff, lint, "mccabe").path("max-complexity"))
                .orElse(DEFAULT_MAX_COMPLEXITY);
        return new RuffSettings(
                source,
                strings(source, setting(ruff, lint, "select")),
                strings(source, setting(ruff, lint, "extend-select")).orElse(List.of()),
                ignore,
                lineLength,
                complexity,
                perFile,
                strings(source, ruff.path("exclude")),
                strings(source, ruff.path("extend-exclude")).orElse(List.of()));
    }

    private static JsonNode setting(JsonNode ruff, JsonNode lint, String name) {
        return lint.has(name) ? lint.path(name) : ruff.path(name);
    }

    private static Optional<List<String>> strings(String source, JsonNode node) {
        if (node.isMissingNode()) {
            return Optional.empty();
        }
        if (!node.isArray() || node.valueStream().anyMatch(item -> !item.isString())) {
            throw new UnreadableConfigException(
                    source, "a Ruff setting that should be a list of strings is not: " + shorten(node));
        }
        return Optional.of(node.valueStream().map(JsonNode::asString).toList());
    }

    private static Optional<Integer> integer(String source, JsonNode node) {
        if (node.isMissingNode()) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || node.asInt() < 1) {
            throw new UnreadableConfigException(
                    source, "a Ruff setting that should be a positive integer is not: " + shorten(node));
        }
        return Optional.of(node.asInt());
    }

    private static Map<String, List<String>> perFileIgnores(String source, JsonNode node) {
        if (node.isMissingNode()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new UnreadableConfigException(source, "per-file-ignores is not a table: " + shorten(node));
        }
        Map<String, List<String>> ignores = new LinkedHashMap<>();
        node.properties()
                .forEach(entry -> ignores.put(
                        entry.getKey(), strings(source, entry.getValue()).orElse(List.of())));
        return ignores;
    }

    private static String shorten(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
