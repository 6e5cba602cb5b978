package io.devopsparadise.quality.semantic;

import io.devopsparadise.contracts.quality.SemanticAnalysis.SymbolReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** lsmcp's language-server tools (the {@code code} backend: pyright, typescript-language-server). */
final class LsmcpIntelligence implements CodeIntelligence {

    static final Set<String> TOOLS = Set.of("lsp_get_diagnostics", "lsp_get_document_symbols", "lsp_find_references");

    private final McpTools tools;

    LsmcpIntelligence(McpTools tools) {
        this.tools = tools;
    }

    @Override
    public String backend() {
        return "lsmcp";
    }

    @Override
    public Optional<String> whyNoDiagnostics() {
        return Optional.empty();
    }

    @Override
    public List<Diagnostic> diagnostics(String file) {
        return LsmcpAnswers.diagnostics(file, tools.text("lsp_get_diagnostics", Map.of("relativePath", file)));
    }

    @Override
    public List<DocumentSymbol> symbols(String file) {
        return LsmcpAnswers.symbols(file, tools.text("lsp_get_document_symbols", Map.of("relativePath", file)));
    }

    @Override
    public List<SymbolReference> references(DocumentSymbol symbol, int declarationLine) {
        String answer = tools.text(
                "lsp_find_references",
                Map.of("relativePath", symbol.file(), "line", declarationLine, "symbolName", symbol.name()));
        return LsmcpAnswers.references(symbol.file(), symbol.name(), answer).stream()
                .filter(r -> !(r.file().equals(symbol.file()) && r.line() == declarationLine))
                .toList();
    }
}
