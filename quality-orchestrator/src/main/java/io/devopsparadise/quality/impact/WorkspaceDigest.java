package io.devopsparadise.quality.impact;

import io.devopsparadise.quality.gate.WorkspaceRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.NotIgnoredFilter;

/**
 * One checksum of every file of the workspace that Git does not ignore, committed or not: their paths, modes and
 * contents (Git's blob ids; an unmodified file's id comes from the index, so only changed files are read). Links are
 * hashed as links, never followed. Files tools generate (bytecode, caches, reports) are left out.
 */
final class WorkspaceDigest {

    static final int MAX_FILES = 200_000;

    private WorkspaceDigest() {}

    /**
     * Whether the index is small enough to read: its header names its entry count, and JGit sizes its buffers by
     * that count before reading an entry, so a forged count would exhaust the memory.
     */
    static boolean plausibleIndex(Path index) {
        if (!java.nio.file.Files.exists(index, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        try (var in = java.nio.channels.FileChannel.open(
                index, java.nio.file.StandardOpenOption.READ, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(12);
            while (header.hasRemaining() && in.read(header) > 0) {
                // the 12-byte header: "DIRC", version, entry count
            }
            long entries = header.position() == 12 ? Integer.toUnsignedLong(header.getInt(8)) : 0;
            return java.nio.file.Files.isRegularFile(index, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && entries <= MAX_FILES
                    && in.size() >= entries * 62;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The digest; empty without a repository or past {@value #MAX_FILES} files. */
    static Optional<String> of(Path workspace) {
        try (Repository repository = WorkspaceRepository.open(workspace).orElse(null);
                TreeWalk walk = repository == null ? null : new TreeWalk(repository)) {
            if (walk == null || !plausibleIndex(workspace.resolve(".git/index"))) {
                return Optional.empty();
            }
            walk.setRecursive(true);
            int index = walk.addTree(new DirCacheIterator(repository.readDirCache()));
            FileTreeIterator files = new FileTreeIterator(repository);
            int tree = walk.addTree(files);
            files.setDirCacheIterator(walk, index);
            walk.setFilter(new NotIgnoredFilter(tree));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            int count = 0;
            while (walk.next()) {
                WorkingTreeIterator file = walk.getTree(tree, WorkingTreeIterator.class);
                if (file == null || ChangeDetector.generated(walk.getPathString())) {
                    continue;
                }
                if (++count > MAX_FILES) {
                    return Optional.empty();
                }
                digest.update((walk.getPathString()
                                + '\0'
                                + file.getEntryFileMode()
                                + '\0'
                                + file.getEntryObjectId().name()
                                + '\n')
                        .getBytes(StandardCharsets.UTF_8));
            }
            return Optional.of(HexFormat.of().formatHex(digest.digest()));
        } catch (IOException | RuntimeException | NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }
}
