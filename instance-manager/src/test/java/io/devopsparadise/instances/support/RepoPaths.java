package io.devopsparadise.instances.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's npm test tools are, for tests run by Maven or by an IDE. */
public final class RepoPaths {

    private RepoPaths() {
    }

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
        throw new IllegalStateException("cannot find the repository root (no tools/node above " + Path.of("").toAbsolutePath() + ")");
    }

    public static Path nodeModules() {
        Path modules = root().resolve("tools/node/node_modules");
        if (!Files.isDirectory(modules)) {
            throw new IllegalStateException("npm test tools are missing: run scripts/install-test-deps.sh");
        }
        return modules;
    }

    public static Path mcpProbe() {
        return root().resolve("tools/node/mcp-probe.mjs");
    }
}
