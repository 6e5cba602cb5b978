package io.devopsparadise.quality.detection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The workspace's source files of some kinds, relative and sorted: links are not followed, dependency and tool
 * folders (node_modules, virtual environments, build output, hidden folders) are left out, and the walk stops at a
 * bound of files and of depth.
 */
public final class SourceTree {

    private static final int MAX_DEPTH = 24;
    private static final Set<String> SKIPPED =
            Set.of("node_modules", "venv", "__pycache__", "site-packages", "dist", "build");

    private SourceTree() {}

    /** The regular files whose names end in one of the suffixes, at most {@code max}. */
    public static List<String> list(Path root, Set<String> suffixes, int max) {
        List<String> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name =
                            dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skipped = !dir.equals(root) && (name.startsWith(".") || SKIPPED.contains(name));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String name = file.getFileName().toString();
                    if (attributes.isRegularFile() && suffixes.stream().anyMatch(name::endsWith)) {
                        files.add(root.relativize(file).toString().replace('\\', '/'));
                    }
                    return files.size() >= max ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the workspace's source files: " + e.getMessage(), e);
        }
        files.sort(null);
        return files;
    }
}
