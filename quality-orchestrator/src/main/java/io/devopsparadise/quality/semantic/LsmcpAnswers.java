package io.devopsparadise.quality.semantic;

import io.devopsparadise.contracts.quality.SemanticAnalysis.SymbolReference;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads lsmcp's answers, which are text meant for a model: {@code lsp_get_diagnostics}' "SEVERITY: message (Source)\n  at
 * line L:C" blocks, {@code lsp_get_document_symbols}' indented "name [Kind]" / "Range: a:b-c:d" tree, and
 * {@code lsp_find_references}' "path:line:column" blocks. An answer that is none of these is an error, never an
 * empty result.
 */
final class LsmcpAnswers {

    private static final Pattern DIAGNOSTIC =
            Pattern.compile("(?m)^(ERROR|WARNING|INFO|HINT): ([\\s\\S]*?)\\n {2}at line (\\d+):(\\d+)$");
    private static final Pattern SOURCE = Pattern.compile("\\s\\(([^()\\n]+)\\)$");
    private static final Pattern SYMBOL =
            Pattern.compile("^( *)(\\S.*?) \\[(\\w+)\\](?: \\(deprecated\\))?(?: - .*)?$");
    private static final Pattern RANGE = Pattern.compile(
            "^ *(?:\\S+ )?Range: (\\d+):(\\d+)-(\\d+):(\\d+)$|^ *\\S+ (\\d+):(\\d+) ?- ?(\\d+):(\\d+)$");
    private static final Pattern LOCATION = Pattern.compile("^(.+):(\\d+):(\\d+)$");
    private static final Pattern REFERENCES_HEADER = Pattern.compile("^Found (\\d+) references? to ");

    private LsmcpAnswers() {}

    static List<Diagnostic> diagnostics(String file, String answer) {
        if (!answer.startsWith("Found ") && !answer.contains("diagnostic")) {
            throw unreadable("lsp_get_diagnostics", file, answer);
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        Matcher matcher = DIAGNOSTIC.matcher(answer);
        while (matcher.find()) {
            String message = matcher.group(2).strip();
            String source = null;
            Matcher named = SOURCE.matcher(message);
            if (named.find()) {
                source = named.group(1);
                message = message.substring(0, named.start()).strip();
            }
            diagnostics.add(new Diagnostic(
                    file,
                    Integer.parseInt(matcher.group(3)),
                    Integer.parseInt(matcher.group(4)),
                    matcher.group(1).toLowerCase(java.util.Locale.ROOT),
                    message,
                    source));
        }
        int announced = announced(answer);
        if (announced >= 0 && announced != diagnostics.size()) {
            throw new SemanticBackendException("lsp_get_diagnostics announced " + announced + " diagnostic(s) in "
                    + file + " but " + diagnostics.size() + " could be read");
        }
        return diagnostics;
    }

    static List<DocumentSymbol> symbols(String file, String answer) {
        if (answer.startsWith("No symbols found")) {
            return List.of();
        }
        if (!answer.startsWith("Document symbols in ")) {
            throw unreadable("lsp_get_document_symbols", file, answer);
        }
        List<DocumentSymbol> symbols = new ArrayList<>();
        List<String> containers = new ArrayList<>();
        String[] lines = answer.split("\n", -1);
        for (int i = 1; i < lines.length - 1; i++) {
            Matcher symbol = SYMBOL.matcher(lines[i]);
            Matcher range = RANGE.matcher(lines[i + 1]);
            if (!symbol.matches() || !range.matches()) {
                continue;
            }
            int depth = symbol.group(1).length() / 2;
            while (containers.size() > depth) {
                containers.remove(containers.size() - 1);
            }
            String container = String.join("/", containers);
            int start = Integer.parseInt(range.group(1) != null ? range.group(1) : range.group(5));
            int end = Integer.parseInt(range.group(3) != null ? range.group(3) : range.group(7));
            symbols.add(
                    new DocumentSymbol(file, symbol.group(2), symbol.group(3), container, start, Math.max(start, end)));
            containers.add(symbol.group(2));
            i++;
        }
        return symbols;
    }

    static List<SymbolReference> references(String file, String symbolName, String answer) {
        if (answer.startsWith("No references found")) {
            return List.of();
        }
        Matcher header = REFERENCES_HEADER.matcher(answer);
        if (!header.find()) {
            throw unreadable("lsp_find_references", file + " " + symbolName, answer);
        }
        List<SymbolReference> references = new ArrayList<>();
        for (String block : answer.substring(answer.indexOf('\n') + 1).split("\n\n")) {
            String first = block.strip().lines().findFirst().orElse("");
            Matcher location = LOCATION.matcher(first);
            if (location.matches()) {
                references.add(new SymbolReference(
                        location.group(1), Integer.parseInt(location.group(2)), Integer.parseInt(location.group(3))));
            }
        }
        if (references.size() != Integer.parseInt(header.group(1))) {
            throw new SemanticBackendException("lsp_find_references announced " + header.group(1) + " reference(s) to "
                    + symbolName + " but " + references.size() + " could be read");
        }
        return references;
    }

    /** The count in "Found 1 diagnostic(s):", or -1 when the answer says none were found. */
    private static int announced(String answer) {
        Matcher found = Pattern.compile("(?m)^Found (\\d+) diagnostic\\(s\\):$").matcher(answer);
        return found.find() ? Integer.parseInt(found.group(1)) : answer.contains("No diagnostics found") ? 0 : -1;
    }

    private static SemanticBackendException unreadable(String tool, String what, String answer) {
        String start = answer.length() > 200 ? answer.substring(0, 200) + "…" : answer;
        return new SemanticBackendException(
                tool + " gave an answer this orchestrator cannot read for " + what + ": " + start.replace('\n', ' '));
    }
}
