package io.devopsparadise.quality.reports.fuzz;

import io.devopsparadise.quality.reports.ReportParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Parses one input and says whether the parser behaved: a result or a {@link ReportParseException}, within the time
 * limit. Anything else is a crash, and its input is saved under target/fuzz-crashes/ to be kept as a regression input.
 */
final class ParseOutcome {

    static final Duration LIMIT = Duration.ofSeconds(5);
    private static final ExecutorService PARSING = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fuzz-parse");
        thread.setDaemon(true);
        return thread;
    });

    private ParseOutcome() {}

    /** Null when the parser behaved; else what went wrong. */
    static String misbehaviour(ReportParsers parser, byte[] input) {
        Path file = write(input);
        try {
            Future<Object> parsing = PARSING.submit(() -> parser.parse().apply(file));
            try {
                parsing.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                return null;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ReportParseException) {
                    return null;
                }
                return crash(parser, input, e.getCause().toString());
            } catch (TimeoutException e) {
                parsing.cancel(true);
                return crash(parser, input, "no answer within " + LIMIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        } finally {
            delete(file);
        }
    }

    private static String crash(ReportParsers parser, byte[] input, String what) {
        try {
            Path dir = Files.createDirectories(Path.of("target/fuzz-crashes", parser.name()));
            String name = HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(input))
                    .substring(0, 16);
            Files.write(dir.resolve(name), input);
            return parser.name() + ": " + what + " (input saved as " + dir.resolve(name) + ")";
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return parser.name() + ": " + what;
        }
    }

    private static Path write(byte[] input) {
        try {
            Path file = Files.createTempFile("fuzz-report-", ".tmp");
            Files.write(file, input);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file
        }
    }
}
