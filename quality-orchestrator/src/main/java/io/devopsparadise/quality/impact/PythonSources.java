package io.devopsparadise.quality.impact;

import io.devopsparadise.quality.detection.SourceTree;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The workspace's Python files as they are now ({@link SourceTree}), each parsed into blocks on first use.
 */
final class PythonSources extends Sources {

    private PythonSources(Path root, List<String> files) {
        super(root, files);
    }

    static PythonSources of(Path root) {
        return new PythonSources(root, SourceTree.list(root, Set.of(".py"), MAX_FILES));
    }

    @Override
    SourceBlocks parse(String text) {
        return PythonBlocks.parse(text);
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
