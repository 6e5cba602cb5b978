package io.devopsparadise.quality.custom;

import io.devopsparadise.quality.reports.ReportParseException;
import io.devopsparadise.quality.runners.RunContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A report a project's command wrote, read as data: only a regular file whose real path stays inside the run's report
 * directory (itself inside the workspace), opened without following a link and copied, bounded, before a parser reads
 * the copy, so that the command cannot swap the file for a link to the orchestrator's secrets between check and read.
 */
final class ReportFile {

    static final long MAX_BYTES = 256L * 1024 * 1024;

    private ReportFile() {
    }

    static <T> T parse(RunContext context, ReportSpec spec, Function<Path, T> parser) {
        Path root = context.workspace().root();
        Path dir = root.resolve(context.reportDir()).normalize();
        Path file = dir.resolve(spec.relative()).normalize();
        if (!file.startsWith(dir) || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnreadableReportException("wrote no " + spec.format() + " report at " + spec.path());
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnreadableReportException(spec.path() + " is not a regular file (a symbolic link or a directory); not read");
        }
        Path copy = null;
        try {
            Path realDir = dir.toRealPath();
            if (!realDir.startsWith(root.toRealPath()) || !file.toRealPath().startsWith(realDir)) {
                throw new UnreadableReportException(spec.path() + " leads outside the run's report directory; not read");
            }
            copy = Files.createTempFile("paradise-report-", ".tmp");
            copy(file, copy, spec);
            return parser.apply(copy);
        } catch (ReportParseException e) {
            throw new UnreadableReportException(e.getMessage().replace(String.valueOf(copy), spec.path()));
        } catch (IOException e) {
            throw new UnreadableReportException(spec.path() + " cannot be read (" + e.getClass().getSimpleName() + ")");
        } finally {
            delete(copy);
        }
    }

    private static void copy(Path file, Path copy, ReportSpec spec) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS); OutputStream out = Files.newOutputStream(copy)) {
            in.transferTo(new BoundedOutputStream(out, MAX_BYTES, spec.path() + " is larger than 256 MiB; not read"));
        }
    }

    private static void delete(Path copy) {
        try {
            if (copy != null) {
                Files.deleteIfExists(copy);
            }
        } catch (IOException e) {
            // a temporary file; the system's cleaner takes it
        }
    }

    /** Refuses to write past the limit. */
    private static final class BoundedOutputStream extends java.io.FilterOutputStream {

        private final long limit;
        private final String tooLarge;
        private long written;

        BoundedOutputStream(OutputStream out, long limit, String tooLarge) {
            super(out);
            this.limit = limit;
            this.tooLarge = tooLarge;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            written += length;
            if (written > limit) {
                throw new UnreadableReportException(tooLarge);
            }
            out.write(bytes, offset, length);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }

    /** A report the command should have written and that cannot be read. */
    static final class UnreadableReportException extends RuntimeException {

        UnreadableReportException(String why) {
            super(why);
        }
    }
}
