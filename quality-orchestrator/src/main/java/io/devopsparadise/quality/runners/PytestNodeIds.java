package io.devopsparadise.quality.runners;

import io.devopsparadise.contracts.quality.TestCaseResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A pytest node id ({@code tests/test_ops.py::TestAdd::test_one[2]}) from its JUnit XML test case, whose classname is the
 * module's dotted path and the class ({@code tests.test_ops.TestAdd}): the longest dotted prefix that is a Python file of
 * the workspace is the module. The JUnit XML is written by the workspace's code, so the file must exist inside the
 * workspace, as a plain file, and the id always starts with that relative path: never with '-', never an option.
 */
final class PytestNodeIds {

    private static final Pattern PART = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private PytestNodeIds() {}

    static Optional<String> of(Path workspace, TestCaseResult test) {
        if (test.suite() == null || test.name().isBlank() || test.name().contains("\n")) {
            return Optional.empty();
        }
        String[] parts = test.suite().split("\\.", -1);
        if (!Arrays.stream(parts).allMatch(p -> PART.matcher(p).matches())) {
            return Optional.empty();
        }
        for (int module = parts.length; module >= 1; module--) {
            String file = String.join("/", Arrays.copyOfRange(parts, 0, module)) + ".py";
            Path path = workspace.resolve(file).normalize();
            if (path.startsWith(workspace) && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                StringBuilder id = new StringBuilder(file);
                for (int i = module; i < parts.length; i++) {
                    id.append("::").append(parts[i]);
                }
                return Optional.of(id.append("::").append(test.name()).toString());
            }
        }
        return Optional.empty();
    }
}
