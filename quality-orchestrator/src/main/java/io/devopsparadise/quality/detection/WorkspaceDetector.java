package io.devopsparadise.quality.detection;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Recognizes a workspace's stacks from its files: Python (pytest.ini, pyproject.toml, setup.cfg, requirements.txt,
 * or test_*.py), JavaScript (package.json), Maven (pom.xml), shell (*.sh). Skips VCS, dependency and report folders.
 */
@Component
public class WorkspaceDetector {

    private static final Set<String> SKIPPED = Set.of(".git", "node_modules", "target", ".venv", "venv", "__pycache__", ".paradise");
    private static final int MAX_DEPTH = 6;

    public DetectedWorkspace detect(Path root) {
        List<String> files = files(root);
        Set<String> stacks = new HashSet<>();
        if (files.stream().anyMatch(f -> f.equals("pytest.ini") || f.equals("pyproject.toml") || f.equals("setup.cfg")
                || f.equals("requirements.txt") || name(f).startsWith("test_") && f.endsWith(".py"))) {
            stacks.add("python");
        }
        if (files.contains("package.json")) {
            stacks.add("javascript");
        }
        if (files.contains("pom.xml")) {
            stacks.add("maven");
        }
        List<String> scripts = files.stream().filter(f -> f.endsWith(".sh")).toList();
        if (!scripts.isEmpty()) {
            stacks.add("shell");
        }
        return new DetectedWorkspace(root, stacks, scripts, files.stream().filter(f -> f.endsWith(".py")).toList());
    }

    private static List<String> files(Path root) {
        try (Stream<Path> walk = Files.walk(root, MAX_DEPTH)) {
            return walk.filter(Files::isRegularFile)
                    .map(root::relativize)
                    .filter(relative -> relative.getNameCount() == 1 || !skipped(relative))
                    .map(Path::toString)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read workspace " + root, e);
        }
    }

    private static boolean skipped(Path relative) {
        for (Path part : relative.getParent()) {
            if (SKIPPED.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    private static String name(String path) {
        return Path.of(path).getFileName().toString();
    }
}
