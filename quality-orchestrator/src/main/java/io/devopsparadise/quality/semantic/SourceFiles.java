package io.devopsparadise.quality.semantic;

import io.devopsparadise.quality.detection.SourceTree;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The workspace's Python, TypeScript and JavaScript sources, relative and sorted, as the language servers check them. */
final class SourceFiles {

    static final int MAX_LISTED = 20_000;
    private static final Set<String> SUFFIXES =
            Set.of(".py", ".pyi", ".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs");

    private SourceFiles() {}

    static List<String> of(Path root) {
        try {
            return SourceTree.list(root, SUFFIXES, MAX_LISTED);
        } catch (UncheckedIOException e) {
            throw new SemanticBackendException(e.getMessage(), e);
        }
    }
}
