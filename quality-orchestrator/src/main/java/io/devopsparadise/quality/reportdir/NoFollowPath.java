package io.devopsparadise.quality.reportdir;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.util.List;

/**
 * Opens directories one step at a time, each relative to the one before and without following a link
 * ({@code openat} with {@code O_NOFOLLOW}), so that no step of a path can be swapped for a link between check and use.
 */
final class NoFollowPath {

    private NoFollowPath() {}

    static SecureDirectoryStream<Path> open(Path root) throws IOException {
        DirectoryStream<Path> stream = Files.newDirectoryStream(root);
        if (stream instanceof SecureDirectoryStream<Path> secure) {
            return secure;
        }
        stream.close();
        throw new UnsupportedOperationException(
                "this file system cannot open directories without following links: " + root);
    }

    /** The directory at the given steps under the open one; the caller closes it. */
    static SecureDirectoryStream<Path> descend(SecureDirectoryStream<Path> from, List<String> steps, String shown)
            throws IOException {
        SecureDirectoryStream<Path> current = from;
        for (String step : steps) {
            SecureDirectoryStream<Path> next = step(current, step, shown);
            if (current != from) {
                current.close();
            }
            current = next;
        }
        return current;
    }

    static SecureDirectoryStream<Path> step(SecureDirectoryStream<Path> from, String step, String shown)
            throws IOException {
        try {
            return from.newDirectoryStream(Path.of(step), LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (NotDirectoryException e) {
            throw new UnsafeReportException(shown + ": " + step + " is not a directory; not followed");
        } catch (FileSystemException e) {
            // ELOOP: the step is a symbolic link
            throw new UnsafeReportException(shown + ": " + step + " is a symbolic link; not followed");
        }
    }

    /** The steps of a relative name, refusing anything that could leave the directory. */
    static List<String> steps(String relative) {
        List<String> steps = List.of(relative.split("/"));
        if (relative.isEmpty()
                || relative.startsWith("/")
                || relative.endsWith("/")
                || relative.contains("\\")
                || steps.stream().anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))) {
            throw new UnsafeReportException(
                    "'" + relative + "' is not a plain relative name inside the run's report directory");
        }
        return steps;
    }
}
