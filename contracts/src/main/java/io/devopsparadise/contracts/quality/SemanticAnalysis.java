package io.devopsparadise.contracts.quality;

import java.util.List;
import java.util.Objects;

/**
 * What the client's code backend (Serena, or lsmcp's language servers) says about the run's code, besides the
 * diagnostics that are the {@code semantic} tool's findings.
 *
 * @param backend        which adapter answered ({@code lsmcp}, {@code serena}); null when none could
 * @param skipped        why there is no analysis (the instance offers no semantic tools, it did not answer); null when it ran
 * @param baseCommit     the commit the change is measured against (the baseline's, else HEAD); null without a repository
 * @param changedSymbols the functions, classes and methods whose lines the change touches, with who references them
 * @param overview       symbols per file, bounded (see {@code truncated})
 * @param notes          what the bounds left out, in words
 */
public record SemanticAnalysis(
        String backend,
        String skipped,
        String baseCommit,
        List<ChangedSymbol> changedSymbols,
        List<FileSymbols> overview,
        List<String> notes) {

    public SemanticAnalysis {
        changedSymbols = changedSymbols == null ? List.of() : List.copyOf(changedSymbols);
        overview = overview == null ? List.of() : List.copyOf(overview);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** No analysis, and why. */
    public static SemanticAnalysis skipped(String why) {
        return new SemanticAnalysis(null, Objects.requireNonNull(why, "why"), null, List.of(), List.of(), List.of());
    }

    /**
     * A symbol a change touches.
     *
     * @param container    the enclosing class or function ("" at the top level)
     * @param changedLines the symbol's lines the change added or modified (1-based)
     * @param references   where the code backend finds the symbol used, its own declaration left out; null when not looked up
     *                     (the bound on look-ups was reached)
     */
    public record ChangedSymbol(
            String file,
            String name,
            String kind,
            String container,
            int startLine,
            int endLine,
            List<Integer> changedLines,
            List<SymbolReference> references) {

        public ChangedSymbol {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(name, "name");
            changedLines = changedLines == null ? List.of() : List.copyOf(changedLines);
            references = references == null ? null : List.copyOf(references);
        }
    }

    /** One use of a symbol: 1-based line and column in a workspace-relative file. */
    public record SymbolReference(String file, int line, int column) {

        public SymbolReference {
            Objects.requireNonNull(file, "file");
        }
    }

    /** The symbols of one file, top-level and nested (with their container). */
    public record FileSymbols(String file, List<CodeSymbol> symbols, boolean truncated) {

        public FileSymbols {
            Objects.requireNonNull(file, "file");
            symbols = symbols == null ? List.of() : List.copyOf(symbols);
        }
    }

    /** A function, class, method, … with its 1-based line range. */
    public record CodeSymbol(String name, String kind, String container, int startLine, int endLine) {

        public CodeSymbol {
            Objects.requireNonNull(name, "name");
        }
    }
}
