package io.devopsparadise.quality.impact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One edit inside one function's body: line {@code line} (1-based) of {@code file} reads {@code after} instead of
 * {@code before}. Applied by writing the file in the working tree, uncommitted; reverted by {@code git checkout}.
 */
record Mutant(String file, String function, int line, MutationKind kind, String before, String after) {

    /** The block the edit changes, as a plan names it. */
    String ref() {
        return ImpactMap.ref(file, function);
    }

    /** The file's text with the edit made. */
    String appliedTo(String source) {
        String[] lines = source.split("\n", -1);
        if (!lines[line - 1].equals(before)) {
            throw new IllegalStateException("line " + line + " of " + file + " is no longer " + before.strip());
        }
        lines[line - 1] = after;
        return String.join("\n", lines);
    }

    void apply(Path workspace) {
        try {
            Path path = workspace.resolve(file);
            Files.writeString(path, appliedTo(Files.readString(path, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void revert(Path workspace) {
        var result = LocalRuns.run(workspace, List.of("git", "checkout", "--", file), Map.of(), Duration.ofMinutes(1));
        if (result.exitCode() != 0) {
            throw new IllegalStateException("git checkout -- " + file + ": " + result.stderr());
        }
    }

    @Override
    public String toString() {
        return String.format(
                "%s:%d %s %s: %s -> %s",
                file, line, function, kind.name().toLowerCase(), before.strip(), after.strip());
    }
}
