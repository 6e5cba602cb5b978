package io.devopsparadise.quality.insights;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a source file's tests live by the naming conventions of pytest, Maven (JUnit) and jest: the first candidate that
 * is a plain file of the workspace.
 */
final class TestHomes {

    private TestHomes() {}

    static Optional<String> byNaming(Path workspace, String file) {
        for (String candidate : candidates(file)) {
            Path path = workspace.resolve(candidate).normalize();
            if (path.startsWith(workspace) && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static List<String> candidates(String file) {
        int slash = file.lastIndexOf('/');
        String directory = slash < 0 ? "" : file.substring(0, slash + 1);
        String name = file.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        String extension = dot < 0 ? "" : name.substring(dot);
        List<String> candidates = new ArrayList<>();
        switch (extension) {
            case ".py" -> {
                String top = directory.isEmpty() ? "" : directory.substring(0, directory.indexOf('/') + 1);
                String inside = directory.substring(top.length());
                candidates.add("tests/" + inside + "test_" + stem + ".py");
                candidates.add("tests/test_" + stem + ".py");
                candidates.add("test/test_" + stem + ".py");
                candidates.add(directory + "tests/test_" + stem + ".py");
                candidates.add(directory + "test_" + stem + ".py");
                candidates.add(directory + stem + "_test.py");
            }
            case ".java" -> {
                String test = directory.replace("src/main/java/", "src/test/java/");
                candidates.add(test + stem + "Test.java");
                candidates.add(test + stem + "Tests.java");
                candidates.add(test + stem + "IT.java");
            }
            case ".js", ".ts", ".jsx", ".tsx", ".mjs", ".cjs" -> {
                candidates.add(directory + stem + ".test" + extension);
                candidates.add(directory + stem + ".spec" + extension);
                candidates.add(directory + "__tests__/" + stem + ".test" + extension);
            }
            default -> {}
        }
        return candidates;
    }
}
