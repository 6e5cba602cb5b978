package io.devopsparadise.quality.semantic;

import io.devopsparadise.contracts.quality.SemanticAnalysis.SymbolReference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serena's symbolic tools: {@code get_symbols_overview} names a file's top-level symbols, {@code find_symbol} gives
 * each one's lines ({@code body_location}, 0-based), {@code find_referencing_symbols} the symbols that use one. Serena
 * answers JSON, grouped differently from one version to the next, so the answers are searched for the objects that
 * carry a location rather than read by a fixed shape. Serena's symbolic tools give no diagnostics.
 */
final class SerenaIntelligence implements CodeIntelligence {

    static final Set<String> TOOLS = Set.of("find_symbol", "find_referencing_symbols", "get_symbols_overview");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final McpTools tools;
    private final int maxSymbols;

    SerenaIntelligence(McpTools tools, int maxSymbols) {
        this.tools = tools;
        this.maxSymbols = maxSymbols;
    }

    @Override
    public String backend() {
        return "serena";
    }

    @Override
    public Optional<String> whyNoDiagnostics() {
        return Optional.of(
                "Serena's symbolic tools (find_symbol, find_referencing_symbols, get_symbols_overview) give no diagnostics");
    }

    @Override
    public List<Diagnostic> diagnostics(String file) {
        return List.of();
    }

    @Override
    public List<DocumentSymbol> symbols(String file) {
        Set<String> names = new LinkedHashSet<>();
        collectNames(
                read("get_symbols_overview", tools.text("get_symbols_overview", Map.of("relative_path", file))), names);
        List<DocumentSymbol> symbols = new ArrayList<>();
        for (String name : names) {
            if (symbols.size() >= maxSymbols) {
                break;
            }
            JsonNode found = read(
                    "find_symbol",
                    tools.text(
                            "find_symbol",
                            Map.of(
                                    "name_path_pattern",
                                    "/" + name,
                                    "relative_path",
                                    file,
                                    "include_body",
                                    false,
                                    "depth",
                                    0)));
            located(found, node -> symbols.add(symbol(file, node)));
        }
        return symbols;
    }

    @Override
    public List<SymbolReference> references(DocumentSymbol symbol, int declarationLine) {
        String namePath = symbol.container().isEmpty() ? symbol.name() : symbol.container() + "/" + symbol.name();
        JsonNode found = read(
                "find_referencing_symbols",
                tools.text("find_referencing_symbols", Map.of("name_path", namePath, "relative_path", symbol.file())));
        List<SymbolReference> references = new ArrayList<>();
        located(
                found,
                node -> references.add(new SymbolReference(
                        node.path("relative_path").asString(symbol.file()),
                        node.path("body_location").path("start_line").asInt() + 1,
                        1)));
        return references;
    }

    private static DocumentSymbol symbol(String file, JsonNode node) {
        String namePath = node.path("name_path").asString(node.path("name").asString("?"));
        int slash = namePath.lastIndexOf('/');
        JsonNode body = node.path("body_location");
        int start = body.path("start_line").asInt() + 1;
        return new DocumentSymbol(
                node.path("relative_path").asString(file),
                slash < 0 ? namePath : namePath.substring(slash + 1),
                kindName(node.path("kind")),
                slash < 0 ? "" : namePath.substring(0, slash),
                start,
                Math.max(start, body.path("end_line").asInt() + 1));
    }

    /** Serena names kinds by word ("Class") or by LSP number (5). */
    private static String kindName(JsonNode kind) {
        if (kind.isNumber()) {
            return switch (kind.asInt()) {
                case 2 -> "Module";
                case 3 -> "Namespace";
                case 5 -> "Class";
                case 6 -> "Method";
                case 9 -> "Constructor";
                case 10 -> "Enum";
                case 11 -> "Interface";
                case 12 -> "Function";
                case 23 -> "Struct";
                default -> "Other";
            };
        }
        return kind.asString("Unknown");
    }

    /** Every object in the answer that has a body_location. */
    private static void located(JsonNode node, Consumer<JsonNode> each) {
        if (node.isObject() && node.has("body_location")) {
            each.accept(node);
            return;
        }
        node.forEach(child -> located(child, each));
    }

    /** Top-level names: the overview's strings and objects' "name" fields, wherever its version groups them. */
    private static void collectNames(JsonNode node, Set<String> names) {
        if (node.isString()) {
            names.add(node.asString());
        } else if (node.isObject() && node.has("name")) {
            names.add(node.path("name").asString());
        } else {
            node.forEach(child -> collectNames(child, names));
        }
    }

    private static JsonNode read(String tool, String answer) {
        try {
            return JSON.readTree(answer);
        } catch (JacksonException e) {
            String start = answer.length() > 200 ? answer.substring(0, 200) + "…" : answer;
            throw new SemanticBackendException(
                    tool + " gave an answer that is not JSON: " + start.replace('\n', ' '), e);
        }
    }
}
