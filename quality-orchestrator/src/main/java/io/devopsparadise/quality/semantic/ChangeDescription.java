package io.devopsparadise.quality.semantic;

import io.devopsparadise.contracts.quality.SemanticAnalysis.ChangedSymbol;
import io.devopsparadise.contracts.quality.SemanticAnalysis.SymbolReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which functions, classes and methods a change touches (its changed lines within their line ranges) and who
 * references them. References are looked up for the first {@code max-changed-symbols} symbols, changed files in path
 * order; the others carry no reference list.
 */
final class ChangeDescription {

    private static final long MAX_SOURCE_BYTES = 4L * 1024 * 1024;

    private final CodeIntelligence code;
    private final SemanticAnalyzer.SymbolCache symbols;
    private final Path workspace;
    private final SemanticLimits limits;
    private final SemanticAnalyzer.Budget budget;
    private final List<String> notes;

    ChangeDescription(
            CodeIntelligence code,
            SemanticAnalyzer.SymbolCache symbols,
            Path workspace,
            SemanticLimits limits,
            SemanticAnalyzer.Budget budget,
            List<String> notes) {
        this.code = code;
        this.symbols = symbols;
        this.workspace = workspace;
        this.limits = limits;
        this.budget = budget;
        this.notes = notes;
    }

    List<ChangedSymbol> of(Map<String, Set<Integer>> changed) {
        List<ChangedSymbol> touched = new ArrayList<>();
        int lookedUp = 0;
        for (String file : changed.keySet().stream().sorted().toList()) {
            if (budget.spent(notes, "the change description")) {
                break;
            }
            List<String> lines = lines(file);
            for (DocumentSymbol symbol : symbols.of(file)) {
                List<Integer> hit = changed.get(file).stream()
                        .filter(symbol::covers)
                        .sorted()
                        .toList();
                if (hit.isEmpty()) {
                    continue;
                }
                List<SymbolReference> references = null;
                if (lookedUp < limits.maxChangedSymbols() && !budget.spent(notes, "reference look-ups")) {
                    lookedUp++;
                    references = references(symbol, lines);
                }
                touched.add(new ChangedSymbol(
                        file,
                        symbol.name(),
                        symbol.kind(),
                        symbol.container(),
                        symbol.startLine(),
                        symbol.endLine(),
                        hit,
                        references));
            }
        }
        if (touched.size() > lookedUp) {
            notes.add("references of " + lookedUp + " of " + touched.size()
                    + " changed symbols (paradise.quality.semantic.max-changed-symbols)");
        }
        return touched;
    }

    private List<SymbolReference> references(DocumentSymbol symbol, List<String> lines) {
        int declaration = declarationLine(symbol, lines);
        if (declaration == 0) {
            notes.add("no line of " + symbol.file() + " " + symbol.startLine() + "-" + symbol.endLine() + " names "
                    + symbol.name());
            return null;
        }
        try {
            List<SymbolReference> found = code.references(symbol, declaration);
            if (found.size() > limits.maxReferences()) {
                notes.add(found.size() + " references to " + symbol.name() + ", " + limits.maxReferences()
                        + " kept (paradise.quality.semantic.max-references)");
                return found.subList(0, limits.maxReferences());
            }
            return found;
        } catch (SemanticBackendException e) {
            notes.add(e.getMessage());
            return null;
        }
    }

    /** The first line of the symbol's range that names it (its range may start at a decorator); 0 when none does. */
    static int declarationLine(DocumentSymbol symbol, List<String> lines) {
        Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(symbol.name()) + "(?![\\w$])");
        for (int line = symbol.startLine(); line <= Math.min(symbol.endLine(), lines.size()); line++) {
            if (word.matcher(lines.get(line - 1)).find()) {
                return line;
            }
        }
        return 0;
    }

    /** The file's lines as the workspace has them now: a regular file, never through a link. */
    private List<String> lines(String file) {
        Path path = workspace.resolve(file).normalize();
        try {
            if (!path.startsWith(workspace)
                    || !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                    || Files.size(path) > MAX_SOURCE_BYTES) {
                return List.of();
            }
            return new String(Files.readAllBytes(path), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
