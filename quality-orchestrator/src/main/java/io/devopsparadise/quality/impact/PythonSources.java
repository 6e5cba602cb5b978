package io.devopsparadise.quality.impact;

import io.devopsparadise.quality.reportdir.WorkspaceText;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The workspace's Python files as they are now, each parsed into blocks on first use. Links are not followed;
 * hidden folders, virtual environments and dependency folders are left out; the walk stops at a bound.
 */
final class PythonSources {

    static final int MAX_FILES = 20_000;
    private static final int MAX_DEPTH = 24;
    private static final Set<String> SKIPPED = Set.of("node_modules", "venv", "__pycache__", "site-packages", "build", "dist");

    private final Path root;
    private final List<String> files;
    private final Map<String, Optional<SourceBlocks>> parsed = new HashMap<>();

    private PythonSources(Path root, List<String> files) {
        this.root = root;
        this.files = List.copyOf(files);
    }

    static PythonSources of(Path root) {
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
                    if (attributes.isRegularFile() && file.getFileName().toString().endsWith(".py")) {
                        files.add(root.relativize(file).toString().replace('\\', '/'));
                    }
                    return files.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the workspace's Python files: " + e.getMessage(), e);
        }
        files.sort(null);
        return new PythonSources(root, files);
    }

    Path root() {
        return root;
    }

    List<String> files() {
        return files;
    }

    boolean contains(String file) {
        return parsed.containsKey(file) ? parsed.get(file).isPresent() : files.contains(file);
    }

    /** The file's blocks now; empty when it is gone, a link, or too large to read. */
    Optional<SourceBlocks> blocks(String file) {
        return parsed.computeIfAbsent(file, f -> WorkspaceText.read(root, f, ChangeDetector.MAX_FILE_BYTES).map(PythonBlocks::parse));
    }

    /** file → block → checksum, for every Python file of the workspace. */
    Map<String, Map<String, String>> checksums() {
        Map<String, Map<String, String>> all = new HashMap<>();
        files.forEach(file -> blocks(file).ifPresent(blocks -> all.put(file, blocks.checksums())));
        return all;
    }

    /** Whether pytest collects the file by its default names ({@code test_*.py}, {@code *_test.py}). */
    static boolean isTestFile(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return (name.startsWith("test_") || name.endsWith("_test.py")) && name.endsWith(".py");
    }

    static boolean isConftest(String file) {
        return file.equals("conftest.py") || file.endsWith("/conftest.py");
    }
}
