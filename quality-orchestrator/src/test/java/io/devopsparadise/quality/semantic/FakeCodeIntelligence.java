package io.devopsparadise.quality.semantic;

import io.devopsparadise.contracts.quality.SemanticAnalysis.SymbolReference;
import io.devopsparadise.testsupport.MovableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A code backend in memory: diagnostics and symbols per file as a test plants them, files whose calls fail, and a
 * clock that each diagnostics call moves on, as a slow language server would. It records the files it was asked about.
 */
final class FakeCodeIntelligence implements CodeIntelligence {

    final List<String> askedForDiagnostics = new ArrayList<>();
    final List<String> askedForReferences = new ArrayList<>();
    private final Map<String, List<Diagnostic>> diagnostics = new HashMap<>();
    private final Map<String, List<DocumentSymbol>> symbols = new HashMap<>();
    private final Set<String> failing = new HashSet<>();
    private final MovableClock clock;
    private Duration perCall = Duration.ZERO;
    private boolean failAll;

    FakeCodeIntelligence(MovableClock clock) {
        this.clock = clock;
    }

    FakeCodeIntelligence withError(String file, int line, String message) {
        diagnostics
                .computeIfAbsent(file, f -> new ArrayList<>())
                .add(new Diagnostic(file, line, 1, "error", message, "Pyright"));
        return this;
    }

    FakeCodeIntelligence withFunction(String file, String name, int startLine, int endLine) {
        symbols.computeIfAbsent(file, f -> new ArrayList<>())
                .add(new DocumentSymbol(file, name, "Function", "", startLine, endLine));
        return this;
    }

    FakeCodeIntelligence failing(String file) {
        failing.add(file);
        return this;
    }

    FakeCodeIntelligence failingEverywhere() {
        failAll = true;
        return this;
    }

    FakeCodeIntelligence taking(Duration perCall) {
        this.perCall = perCall;
        return this;
    }

    @Override
    public String backend() {
        return "fake";
    }

    @Override
    public Optional<String> whyNoDiagnostics() {
        return Optional.empty();
    }

    @Override
    public List<Diagnostic> diagnostics(String file) {
        askedForDiagnostics.add(file);
        clock.advance(perCall);
        if (failAll || failing.contains(file)) {
            throw new SemanticBackendException("lsp_get_diagnostics on " + file + " timed out");
        }
        return diagnostics.getOrDefault(file, List.of());
    }

    @Override
    public List<DocumentSymbol> symbols(String file) {
        if (failAll) {
            throw new SemanticBackendException("lsp_get_document_symbols on " + file + " timed out");
        }
        return symbols.getOrDefault(file, List.of());
    }

    @Override
    public List<SymbolReference> references(DocumentSymbol symbol, int declarationLine) {
        askedForReferences.add(symbol.name());
        return List.of(new SymbolReference("main.py", 1, 1));
    }
}
