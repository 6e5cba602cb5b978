package io.devopsparadise.quality.impact;

import io.devopsparadise.quality.detection.SourceTree;
import io.devopsparadise.quality.reportdir.WorkspaceText;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The workspace's Python files as they are now ({@link SourceTree}), each parsed into blocks on first use.
 */
final class PythonSources implements Sources {

    static final int MAX_FILES = 20_000;

    private final Path root;
    private final List<String> files;
    private final Set<String> known;
    private final Map<String, Optional<SourceBlocks>> parsed = new HashMap<>();

    private PythonSources(Path root, List<String> files) {
        this.root = root;
        this.files = List.copyOf(files);
        this.known = Set.copyOf(files);
    }

    static PythonSources of(Path root) {
        return new PythonSources(root, SourceTree.list(root, Set.of(".py"), MAX_FILES));
    }

    Path root() {
        return root;
    }

    List<String> files() {
        return files;
    }

    @Override
    public boolean contains(String file) {
        return parsed.containsKey(file) ? parsed.get(file).isPresent() : known.contains(file);
    }

    @Override
    public Optional<SourceBlocks> blocks(String file) {
        return parsed.computeIfAbsent(file, f -> WorkspaceText.read(root, f, ChangeDetector.MAX_FILE_BYTES).map(PythonBlocks::parse));
    }

    @Override
    public Map<String, Map<String, String>> checksums() {
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
