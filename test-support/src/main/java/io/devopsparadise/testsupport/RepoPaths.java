package io.devopsparadise.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's built services and npm test tools are. */
public final class RepoPaths {

    private RepoPaths() {}

    public static Path root() {
        String configured = System.getProperty("paradise.repo");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("tools/node"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "cannot find the repository root above " + Path.of("").toAbsolutePath());
    }

    public static Path nodeTools() {
        Path tools = root().resolve("tools/node");
        if (!Files.isDirectory(tools.resolve("node_modules"))) {
            throw new IllegalStateException("npm test tools are missing: run scripts/install-test-deps.sh");
        }
        return tools;
    }

    public static Path nodeModules() {
        return nodeTools().resolve("node_modules");
    }

    /** The code backend (docker/code-backend) with its npm packages installed. */
    public static Path codeBackend() {
        Path backend = root().resolve("docker/code-backend");
        if (!Files.isDirectory(backend.resolve("node_modules"))) {
            throw new IllegalStateException(
                    "the code backend's npm packages are missing: run scripts/install-test-deps.sh");
        }
        return backend;
    }

    public static Path mcpProbe() {
        return root().resolve("tools/node/mcp-probe.mjs");
    }

    /** A service's built jar ({@code <module>/target/<module>.jar}). */
    public static Path serviceJar(String module) {
        Path jar = root().resolve(module + "/target/" + module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "build " + module + " first: ./mvnw -DskipTests package -pl " + module + " -am");
        }
        return jar;
    }
}
