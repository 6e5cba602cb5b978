package io.devopsparadise.quality.reportdir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.util.List;
import java.util.Optional;

/**
 * Reads a workspace file as text without following a link at any step of its path: the workspace's code is
 * untrusted and could point a source file at a secret of the host.
 */
public final class WorkspaceText {

    private WorkspaceText() {}

    /** The file's text (UTF-8, malformed bytes replaced); empty when it is missing, a link, or larger than maxBytes. */
    public static Optional<String> read(Path workspace, String relative, long maxBytes) {
        List<String> steps;
        try {
            steps = NoFollowPath.steps(relative);
        } catch (UnsafeReportException e) {
            return Optional.empty();
        }
        try (SecureDirectoryStream<Path> root = NoFollowPath.open(workspace);
                SecureDirectoryStream<Path> dir =
                        NoFollowPath.descend(root, steps.subList(0, steps.size() - 1), relative);
                SeekableByteChannel channel = OpenWithin.open(dir, Path.of(steps.get(steps.size() - 1)), relative)) {
            if (channel.size() > maxBytes) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read on until the buffer is full or the file ends
            }
            return Optional.of(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | UnsafeReportException e) {
            return Optional.empty();
        }
    }
}
