package io.devopsparadise.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies fixture workspaces (whole trees) into a test's own directory, so tools write into the copy. */
public final class Fixtures {

    private Fixtures() {}

    /** Copies the tree under {@code source} into {@code target} (created when missing), merging with what is there. */
    public static Path copy(Path source, Path target) {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path from : walk.toList()) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the fixture " + source + " to " + target, e);
        }
    }
}
