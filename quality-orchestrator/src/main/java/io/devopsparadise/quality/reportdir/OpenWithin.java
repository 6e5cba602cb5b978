package io.devopsparadise.quality.reportdir;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens a file for reading without following a link, and gives up after a while: a file checked as regular can be
 * swapped for a named pipe before it is opened, and opening a pipe waits for a writer. The waiting open is then released
 * by opening the pipe's other end.
 */
final class OpenWithin {

    private static final long SECONDS = 5;
    private static final Set<OpenOption> READ = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    private static final Set<OpenOption> WRITE = Set.of(StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);

    private OpenWithin() {}

    static SeekableByteChannel open(SecureDirectoryStream<Path> dir, Path entry, String name) throws IOException {
        CompletableFuture<SeekableByteChannel> opening = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return dir.newByteChannel(entry, READ);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                },
                OpenWithin::daemon);
        try {
            return opening.get(SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            release(dir, entry);
            opening.thenAccept(OpenWithin::closeQuietly);
            throw new UnsafeReportException(
                    "report " + name + " could not be opened within " + SECONDS + "s (a named pipe?); not read");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(dir, entry);
            opening.thenAccept(OpenWithin::closeQuietly);
            throw new IOException("interrupted while opening " + name, e);
        }
    }

    private static void daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "report-open");
        thread.setDaemon(true);
        thread.start();
    }

    private static void release(SecureDirectoryStream<Path> dir, Path entry) {
        try {
            dir.newByteChannel(entry, WRITE).close();
        } catch (IOException | RuntimeException e) {
            // nothing waits any more, or nothing can be done
        }
    }

    private static void closeQuietly(SeekableByteChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
