package io.devopsparadise.quality.reportdir;

import io.devopsparadise.quality.reports.ReportParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One run's reports. Tools in the instance write them into the workspace ({@code .paradise/reports/<run id>}); the
 * orchestrator never reads them there. It copies a report, bounded, into the run's private directory under its data
 * directory and parses the copy, and keeps the reports it writes itself (a tool's standard output) only there.
 * A report is copied only when it is a regular file with one link, reached from the workspace's root one step at a
 * time without following a link: code in the workspace cannot turn a report into a read of another file.
 */
public final class ReportDirectory {

    /** The setting that caps a report's size, named in the refusal. */
    public static final String SIZE_SETTING = "paradise.quality.max-report-size";

    private final Path workspace;
    private final List<String> steps;
    private final Path copies;
    private final long maxBytes;

    /**
     * @param workspace the workspace's root (registered and checked by the instance-manager)
     * @param relative  the run's report directory inside it, like {@code .paradise/reports/<run id>}
     * @param copies    the run's private directory, outside the workspace
     * @param maxBytes  the largest report read or kept
     */
    public ReportDirectory(Path workspace, String relative, Path copies, long maxBytes) {
        this.workspace = workspace;
        this.steps = NoFollowPath.steps(relative);
        this.copies = copies;
        this.maxBytes = maxBytes;
    }

    /**
     * Creates the run's report directory in the workspace ({@code .paradise/reports/<run id>}), one step at a time
     * without following a link, each step owned by the workspace's owner (whom instances run as) so that tools can write there.
     */
    public static ReportDirectory create(Path workspace, String runId, Path copies, long maxBytes) {
        List<String> steps = List.of(".paradise", "reports", runId);
        try (SecureDirectoryStream<Path> root = NoFollowPath.open(workspace)) {
            var owner = Files.getOwner(workspace);
            SecureDirectoryStream<Path> current = root;
            Path byName = workspace;
            for (String step : steps) {
                byName = byName.resolve(step);
                SecureDirectoryStream<Path> next = createStep(current, byName, step);
                var view = current.getFileAttributeView(
                        Path.of(step), PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                if (!view.getOwner().equals(owner)) {
                    view.setOwner(owner);
                }
                if (current != root) {
                    current.close();
                }
                current = next;
            }
            if (current != root) {
                current.close();
            }
        } catch (IOException e) {
            throw new UnsafeReportException("cannot create the report directory " + String.join("/", steps) + " in "
                    + workspace + " (" + e.getClass().getSimpleName() + ")");
        }
        return new ReportDirectory(workspace, String.join("/", steps), copies, maxBytes);
    }

    private static SecureDirectoryStream<Path> createStep(SecureDirectoryStream<Path> parent, Path byName, String step)
            throws IOException {
        String shown = "the report directory in " + byName.getParent();
        try {
            return NoFollowPath.step(parent, step, shown);
        } catch (NoSuchFileException absent) {
            try {
                Files.createDirectory(byName);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // made meanwhile: opened below like any other
            }
            return NoFollowPath.step(parent, step, shown);
        }
    }

    /** The run's private copies: every report the orchestrator read or kept for this run. */
    public Path copies() {
        return copies;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Parses a report the tool wrote, from a bounded copy; empty when the tool wrote none. */
    public <T> Optional<T> parse(String name, Function<Path, T> parser) {
        return fetch(name).map(copy -> parseCopy(name, copy, parser));
    }

    /** Copies a report the tool wrote into the run's private directory; empty when the tool wrote none. */
    public Optional<Path> fetch(String name) {
        return fetchAt(concat(steps, NoFollowPath.steps(name)), name);
    }

    /** Copies a report a build wrote elsewhere in the workspace (Maven's target/), given relative to the workspace's root. */
    public Optional<Path> fetchFromWorkspace(String relative) {
        return fetchAt(NoFollowPath.steps(relative), relative);
    }

    private Optional<Path> fetchAt(List<String> path, String name) {
        String shown = "report " + name;
        try (SecureDirectoryStream<Path> root = NoFollowPath.open(workspace);
                SecureDirectoryStream<Path> dir = NoFollowPath.descend(root, path.subList(0, path.size() - 1), shown)) {
            return Optional.of(copy(dir, path, name));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UnsafeReportException(
                    shown + " cannot be read (" + e.getClass().getSimpleName() + "); not read");
        }
    }

    /**
     * Writes a file the tools read (a plugin, say) into the run's report directory in the workspace: a new file,
     * never through a link; what the tested code does to it afterwards affects only its own run.
     */
    public void write(String name, String text) {
        write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a binary file (a jar) the same way. */
    public void write(String name, byte[] bytes) {
        String shown = "file " + name;
        List<String> path = concat(steps, NoFollowPath.steps(name));
        try (SecureDirectoryStream<Path> root = NoFollowPath.open(workspace);
                SecureDirectoryStream<Path> dir = NoFollowPath.descend(root, path.subList(0, path.size() - 1), shown);
                SeekableByteChannel channel = dir.newByteChannel(
                        Path.of(path.get(path.size() - 1)),
                        Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW, LinkOption.NOFOLLOW_LINKS),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")))) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw new UnsafeReportException("cannot write " + name + " into the run's report directory ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Reads what a tool appended to a file since {@code offset}, at most {@code max} bytes, without following a link:
     * for following a log while the tool still writes it. Empty while the file does not exist.
     */
    public Optional<byte[]> readFrom(String name, long offset, int max) {
        String shown = "report " + name;
        List<String> path = concat(steps, NoFollowPath.steps(name));
        try (SecureDirectoryStream<Path> root = NoFollowPath.open(workspace);
                SecureDirectoryStream<Path> dir = NoFollowPath.descend(root, path.subList(0, path.size() - 1), shown)) {
            Path entry = Path.of(path.get(path.size() - 1));
            BasicFileAttributes attributes = dir.getFileAttributeView(
                            entry, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .readAttributes();
            if (!attributes.isRegularFile()) {
                throw new UnsafeReportException(shown + " is not a regular file; not read");
            }
            if (offset >= attributes.size() || offset >= maxBytes) {
                return Optional.of(new byte[0]);
            }
            try (SeekableByteChannel channel = OpenWithin.open(dir, entry, name)) {
                channel.position(offset);
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(
                        (int) Math.min(max, Math.min(attributes.size(), maxBytes) - offset));
                while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                    // read on up to the bound
                }
                return Optional.of(java.util.Arrays.copyOf(buffer.array(), buffer.position()));
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UnsafeReportException(
                    shown + " cannot be read (" + e.getClass().getSimpleName() + "); not read");
        }
    }

    /** Keeps what a tool printed as its report (its standard output) in the run's private directory. */
    public Path keep(String name, String text) {
        byte[] bytes = (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBytes) {
            throw tooLarge(name);
        }
        try {
            Path copy = newCopy(name);
            Files.write(copy, bytes, StandardOpenOption.APPEND);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the report " + name + " in " + copies, e);
        }
    }

    /** Parses a report kept by {@link #keep} or copied by {@link #fetch}, naming the report (never the copy) when it is broken. */
    public static <T> T parseCopy(String name, Path copy, Function<Path, T> parser) {
        try {
            return parser.apply(copy);
        } catch (ReportParseException e) {
            throw new ReportParseException(e, copy.toString(), name);
        }
    }

    /** Forgets the run's private copies. */
    public void delete() {
        try (var files = Files.exists(copies) ? Files.list(copies) : java.util.stream.Stream.<Path>empty()) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(copies);
        } catch (IOException e) {
            // what is left is the platform's own files, pruned with the data directory
        }
    }

    private Path copy(SecureDirectoryStream<Path> dir, List<String> path, String name) throws IOException {
        Path entry = Path.of(path.get(path.size() - 1));
        BasicFileAttributes before = dir.getFileAttributeView(
                        entry, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .readAttributes();
        if (before.isSymbolicLink()) {
            throw new UnsafeReportException("report " + name + " is a symbolic link; not followed, not read");
        }
        if (!before.isRegularFile()) {
            throw new UnsafeReportException("report " + name + " is not a regular file; not read");
        }
        if (before.size() > maxBytes) {
            throw tooLarge(name);
        }
        Path copy = newCopy(name);
        try (SeekableByteChannel channel = OpenWithin.open(dir, entry, name);
                InputStream in = Channels.newInputStream(channel);
                OutputStream out = Files.newOutputStream(copy, StandardOpenOption.APPEND)) {
            BasicFileAttributes opened = dir.getFileAttributeView(
                            entry, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .readAttributes();
            if (!before.fileKey().equals(opened.fileKey()) || hardLinked(path, before.fileKey())) {
                throw new UnsafeReportException(
                        "report " + name + " was replaced while it was read, or is linked elsewhere; not read");
            }
            transfer(in, out, name);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        return copy;
    }

    /** A second name for the file (a hard link) could be a file of the platform's. */
    private boolean hardLinked(List<String> path, Object fileKey) throws IOException {
        Path byName = workspace.resolve(String.join("/", path));
        var attributes = Files.readAttributes(byName, "unix:nlink,fileKey", LinkOption.NOFOLLOW_LINKS);
        return !fileKey.equals(attributes.get("fileKey"))
                || attributes.get("nlink") instanceof Integer count && count > 1;
    }

    private void transfer(InputStream in, OutputStream out, String name) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            total += read;
            if (total > maxBytes) {
                throw tooLarge(name);
            }
            out.write(buffer, 0, read);
        }
    }

    private Path newCopy(String name) throws IOException {
        if (!Files.isDirectory(copies, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(copies.getParent());
            Files.createDirectory(
                    copies, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Path copy = copies.resolve(name.replace('/', '-'));
        Files.deleteIfExists(copy);
        Set<OpenOption> options =
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        Files.newByteChannel(
                        copy,
                        options,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                .close();
        return copy;
    }

    private UnsafeReportException tooLarge(String name) {
        return new UnsafeReportException("report " + name + " is larger than " + maxBytes + " bytes, the limit "
                + SIZE_SETTING + " sets; not read (raise the setting if such a report is expected)");
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
