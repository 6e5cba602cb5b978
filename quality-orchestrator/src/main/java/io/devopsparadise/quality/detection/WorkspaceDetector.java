package io.devopsparadise.quality.detection;

import io.devopsparadise.quality.projectrules.ProjectRulesReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recognizes a workspace's stacks from its files: Python (pytest.ini, pyproject.toml, setup.cfg, requirements.txt,
 * or test_*.py), JavaScript (package.json; jest when it depends on or configures jest, npm-lock with a lock file),
 * Playwright (playwright.config.*), Newman (Postman collections), Maven (pom.xml, mvnw), shell (*.sh).
 * Skips VCS, dependency and report folders. Also reads what the project configures for its own tools.
 */
@Component
public class WorkspaceDetector {

    private static final Set<String> SKIPPED =
            Set.of(".git", "node_modules", "target", ".venv", "venv", "__pycache__", ".paradise");
    private static final Set<String> PLAYWRIGHT_CONFIGS =
            Set.of("playwright.config.js", "playwright.config.ts", "playwright.config.mjs", "playwright.config.cjs");
    private static final int MAX_DEPTH = 6;

    private final JsonMapper json = JsonMapper.builder().build();

    public DetectedWorkspace detect(Path root) {
        List<String> files = files(root);
        Set<String> stacks = new HashSet<>();
        if (files.stream()
                .anyMatch(f -> f.equals("pytest.ini")
                        || f.equals("pyproject.toml")
                        || f.equals("setup.cfg")
                        || f.equals("requirements.txt")
                        || name(f).startsWith("test_") && f.endsWith(".py"))) {
            stacks.add("python");
        }
        if (files.contains("package.json")) {
            stacks.add("javascript");
            if (usesJest(root.resolve("package.json"))
                    || files.stream().anyMatch(f -> f.matches("jest\\.config\\.[cm]?[jt]s"))) {
                stacks.add("jest");
            }
            if (files.contains("package-lock.json") || files.contains("npm-shrinkwrap.json")) {
                stacks.add("npm-lock");
            }
        }
        if (files.stream().anyMatch(PLAYWRIGHT_CONFIGS::contains)) {
            stacks.add("playwright");
        }
        List<String> collections = files.stream()
                .filter(f -> f.endsWith(".postman_collection.json") || f.endsWith(".postman_environment.json"))
                .toList();
        if (collections.stream().anyMatch(f -> f.endsWith(".postman_collection.json"))) {
            stacks.add("newman");
        }
        if (files.contains("pom.xml")) {
            stacks.add("maven");
            if (files.contains("mvnw")) {
                stacks.add("maven-wrapper");
            }
        }
        List<String> scripts = files.stream().filter(f -> f.endsWith(".sh")).toList();
        if (!scripts.isEmpty()) {
            stacks.add("shell");
        }
        return new DetectedWorkspace(
                root,
                stacks,
                scripts,
                files.stream().filter(f -> f.endsWith(".py")).toList(),
                collections,
                ProjectRulesReader.read(root));
    }

    /** jest as a dependency, a "jest" configuration block, or a script that calls it. */
    private boolean usesJest(Path packageJson) {
        try {
            JsonNode manifest = json.readTree(packageJson.toFile());
            return manifest.has("jest")
                    || manifest.path("dependencies").has("jest")
                    || manifest.path("devDependencies").has("jest")
                    || manifest.path("scripts")
                            .valueStream()
                            .anyMatch(script -> script.asString("").matches("(^|.*\\W)jest(\\W.*|$)"));
        } catch (JacksonException e) {
            return false;
        }
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
