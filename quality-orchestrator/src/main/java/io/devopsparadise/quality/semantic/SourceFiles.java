package io.devopsparadise.quality.semantic;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The workspace's Python, TypeScript and JavaScript sources, relative and sorted, as the language servers check
 * them: links are not followed, dependency and tool folders (node_modules, virtual environments, hidden folders) are
 * left out, and the walk stops at a bound.
 */
final class SourceFiles {

    static final int MAX_LISTED = 20_000;
    private static final int MAX_DEPTH = 16;
    private static final Set<String> SUFFIXES = Set.of(".py", ".pyi", ".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs");
    private static final Set<String> SKIPPED = Set.of("node_modules", "venv", "__pycache__", "site-packages", "dist", "build");

    private SourceFiles() {
    }

    static List<String> of(Path root) {
        List<String> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skipped = !dir.equals(root) && (name.startsWith(".") || SKIPPED.contains(name));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String name = file.getFileName().toString();
                    if (attributes.isRegularFile() && SUFFIXES.stream().anyMatch(name::endsWith)) {
                        files.add(root.relativize(file).toString().replace('\\', '/'));
                    }
                    return files.size() >= MAX_LISTED ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new SemanticBackendException("cannot list the workspace's source files: " + e.getMessage(), e);
        }
        files.sort(null);
        return files;
    }
}
