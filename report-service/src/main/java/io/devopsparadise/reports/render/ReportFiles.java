package io.devopsparadise.reports.render;

import io.devopsparadise.reports.ReportProperties;
import io.devopsparadise.reports.input.InputRules;
import io.devopsparadise.reports.input.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The reports on disk: reports/&lt;client&gt;/&lt;run id&gt;/report.&lt;ext&gt; in the data directory. Every path is
 * resolved against the reports directory and must stay in it once normalized; no step below it is followed when it
 * is a link, so a link planted there (by anything that runs as the platform's user, such as a process instance) can
 * neither redirect a write nor turn a read into a read of another file. Files are written owner-only, through a
 * temporary file that is renamed over the old one (a rename replaces a link, it never writes through it).
 */
@Component
public class ReportFiles {

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
    private static final Set<OpenOption> NEW_FILE =
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NOFOLLOW);
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path root;

    ReportFiles(ReportProperties properties) {
        this.root = properties.reportsDir().toAbsolutePath().normalize();
    }

    /** The directory of a run's reports, when its client name and run id follow the rules and it lies in the reports directory. */
    public Path directory(String clientId, String runId) {
        InputRules.clientName("clientId", clientId);
        InputRules.runId("run id", runId);
        Path dir = root.resolve(clientId).resolve(runId).normalize();
        if (!dir.startsWith(root) || dir.getNameCount() != root.getNameCount() + 2) {
            throw new InvalidInputException("the reports of run " + runId + " would lie outside " + root);
        }
        return dir;
    }

    /** Writes the files (name → its content, rendered one at a time) into the run's directory, creating it; returns the directory. */
    public Path write(String clientId, String runId, Map<String, Supplier<String>> files) throws IOException {
        Path dir = directory(clientId, runId);
        Files.createDirectories(root);
        directoryStep(dir.getParent());
        directoryStep(dir);
        for (Map.Entry<String, Supplier<String>> file : files.entrySet()) {
            Path temporary = dir.resolve(file.getKey() + ".tmp");
            Files.deleteIfExists(temporary);
            try (OutputStream out =
                    Channels.newOutputStream(Files.newByteChannel(temporary, NEW_FILE, fileAttributes("rw-------")))) {
                out.write(file.getValue().get().getBytes(StandardCharsets.UTF_8));
            }
            Files.move(
                    temporary,
                    dir.resolve(file.getKey()),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        return dir;
    }

    /** A report written before, opened without following a link; empty when it is missing or is anything but a plain file. */
    public Optional<ReportFile> open(String clientId, String runId, String fileName) {
        Path dir = directory(clientId, runId);
        Path file = dir.resolve(fileName);
        try {
            if (!isPlainDirectory(dir.getParent()) || !isPlainDirectory(dir) || !isPlainFile(file)) {
                return Optional.empty();
            }
            InputStream in = Files.newInputStream(file, StandardOpenOption.READ, NOFOLLOW);
            return Optional.of(new ReportFile(in, Files.size(file)));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            // a link swapped in after the check makes the open fail (ELOOP): the report is as good as missing
            return Optional.empty();
        }
    }

    /** Whether the report is on disk as a plain file. */
    public boolean exists(String clientId, String runId, String fileName) {
        Path dir = directory(clientId, runId);
        return isPlainDirectory(dir.getParent()) && isPlainDirectory(dir) && isPlainFile(dir.resolve(fileName));
    }

    private static void directoryStep(Path dir) throws IOException {
        if (Files.exists(dir, NOFOLLOW)) {
            if (!isPlainDirectory(dir)) {
                throw new ReportPathException(
                        dir + " is a link or not a directory; reports are never written through links");
            }
            return;
        }
        Files.createDirectory(dir, fileAttributes("rwx------"));
    }

    private static boolean isPlainDirectory(Path dir) {
        return Files.isDirectory(dir, NOFOLLOW);
    }

    /** A regular file with no other name: a hard link to a file elsewhere is refused like a symbolic one. */
    private static boolean isPlainFile(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, NOFOLLOW);
            return attributes.isRegularFile()
                    && (!POSIX || ((Number) Files.getAttribute(file, "unix:nlink", NOFOLLOW)).intValue() == 1);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    private static FileAttribute<?>[] fileAttributes(String posixPermissions) {
        return POSIX
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(posixPermissions))
                }
                : new FileAttribute<?>[0];
    }

    /** An open report and its size. */
    public record ReportFile(InputStream content, long size) {}
}
