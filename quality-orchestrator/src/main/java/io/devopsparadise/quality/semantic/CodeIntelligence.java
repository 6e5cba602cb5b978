package io.devopsparadise.quality.semantic;

import io.devopsparadise.contracts.quality.SemanticAnalysis.SymbolReference;
import java.util.List;
import java.util.Optional;

/**
 * What the orchestrator asks of a client's code backend, whichever tools it speaks: one adapter per backend
 * ({@link LsmcpIntelligence} for lsmcp's language-server tools, {@link SerenaIntelligence} for Serena's). Paths are
 * workspace-relative; every call is bounded by the connection it runs on.
 */
public interface CodeIntelligence {

    /** The backend's name, as the run result shows it. */
    String backend();

    /** Why this backend gives no diagnostics; empty when it does. */
    Optional<String> whyNoDiagnostics();

    /** Type and semantic diagnostics of one file. */
    List<Diagnostic> diagnostics(String file);

    /** The file's symbols, nested ones included, in the order of the file. */
    List<DocumentSymbol> symbols(String file);

    /**
     * Where a symbol is used, its own declaration left out.
     *
     * @param declarationLine the 1-based line that names the symbol (its {@code def} or {@code class} line)
     */
    List<SymbolReference> references(DocumentSymbol symbol, int declarationLine);
}
