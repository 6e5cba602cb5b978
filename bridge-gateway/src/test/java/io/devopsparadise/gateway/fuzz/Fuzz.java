package io.devopsparadise.gateway.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A small seeded fuzzing loop for JUnit tests: each try draws one input from a generator, checks it within a time
 * limit, and on a failure or a hang keeps the input under {@code target/fuzz-failures/} and names the seed that
 * reproduces it. Tries and seed come from {@code -Dparadise.fuzz.tries} and {@code -Dparadise.fuzz.seed}: a short run
 * in every build, a long one from {@code bench/fuzz/gateway.sh}.
 */
public final class Fuzz {

    private Fuzz() {}

    /** What a check does with one input; any exception or assertion error is a failure. */
    public interface Check<T> {
        void accept(T input) throws Exception;
    }

    public static int tries(int inBuild) {
        return Integer.getInteger("paradise.fuzz.tries", inBuild);
    }

    public static <T> void run(
            String name,
            int triesInBuild,
            Duration perTry,
            Function<Random, T> generator,
            Function<T, byte[]> bytes,
            Check<T> check)
            throws Exception {
        long seed = Long.getLong("paradise.fuzz.seed", new Random().nextLong());
        Random random = new Random(seed);
        int tries = tries(triesInBuild);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "fuzz-" + name);
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int i = 0; i < tries; i++) {
                T input = generator.apply(random);
                Future<?> result = worker.submit(() -> {
                    check.accept(input);
                    return null;
                });
                try {
                    result.get(perTry.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException failure) {
                    throw new AssertionError(failed(name, seed, i, bytes.apply(input), "failed"), failure.getCause());
                } catch (TimeoutException hang) {
                    String threads = threadDump(name, seed, i);
                    result.cancel(true);
                    throw new AssertionError(failed(
                            name,
                            seed,
                            i,
                            bytes.apply(input),
                            "took longer than " + perTry + " (threads: " + threads + ")"));
                }
            }
        } finally {
            worker.shutdownNow();
        }
    }

    /** What every thread of this JVM was doing when a try hung (the gateway under test runs in it too). */
    private static String threadDump(String name, long seed, int attempt) {
        StringBuilder dump = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            dump.append('"')
                    .append(thread.getName())
                    .append("\" ")
                    .append(thread.getState())
                    .append('\n');
            for (StackTraceElement frame : stack) {
                dump.append("    at ").append(frame).append('\n');
            }
            dump.append('\n');
        });
        Path file = Path.of(
                "target", "fuzz-failures", name + "-" + Long.toHexString(seed) + "-" + attempt + ".threads.txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, dump);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toAbsolutePath().toString();
    }

    private static String failed(String name, long seed, int attempt, byte[] input, String how) {
        Path kept = Path.of("target", "fuzz-failures", name + "-" + Long.toHexString(seed) + "-" + attempt + ".bin");
        try {
            Files.createDirectories(kept.getParent());
            Files.write(kept, input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String shown = new String(input, 0, Math.min(input.length, 2_000), StandardCharsets.UTF_8);
        return "fuzz input " + attempt + " " + how + " (replay with -Dparadise.fuzz.seed=" + seed + "); kept as "
                + kept.toAbsolutePath()
                + ": copy it under src/test/resources/fuzz-regressions/ so that it is replayed in every build. Input: "
                + shown;
    }
}
