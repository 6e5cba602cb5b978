package io.devopsparadise.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The real repositories in ../shared/corpora (git bundles with their history), cloned for a test. */
public final class Corpora {

    private Corpora() {}

    /** Clones the corpus {@code name} (boltons, toolz, …) into {@code target}, which must not exist yet. */
    public static Path clone(String name, Path target) throws IOException, InterruptedException {
        Path bundle = RepoPaths.root()
                .resolve("../shared/corpora")
                .resolve(name + ".bundle")
                .normalize();
        if (!Files.isRegularFile(bundle)) {
            throw new IllegalStateException("the corpus " + name + " is missing: " + bundle);
        }
        Process git = new ProcessBuilder("git", "clone", "-q", bundle.toString(), target.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!git.waitFor(2, TimeUnit.MINUTES) || git.exitValue() != 0) {
            throw new IllegalStateException("git clone of " + bundle + " failed: " + output);
        }
        return target;
    }
}
