package io.devopsparadise.quality.gate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * The lines a change added or modified: the working tree (committed or not) against a commit, read with JGit, for
 * the given workspace-relative files only.
 */
public final class ChangedLines {

    private ChangedLines() {}

    /** Per file, the changed line numbers (1-based); empty when the workspace is no repository or lacks the commit. */
    public static Optional<Map<String, Set<Integer>>> since(Path workspace, String commit, Collection<String> files) {
        if (commit == null || files.isEmpty()) {
            return Optional.empty();
        }
        Optional<Repository> found;
        try {
            found = WorkspaceRepository.open(workspace);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try (Repository repository = found.get();
                DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            ObjectId tree = repository.resolve(commit + "^{tree}");
            if (tree == null) {
                return Optional.empty();
            }
            String prefix = prefix(repository, workspace);
            diff.setRepository(repository);
            diff.setPathFilter(PathFilterGroup.createFromStrings(
                    files.stream().map(f -> prefix + f).toList()));
            CanonicalTreeParser base = new CanonicalTreeParser();
            try (ObjectReader reader = repository.newObjectReader()) {
                base.reset(reader, tree);
            }
            Map<String, Set<Integer>> changed = new HashMap<>();
            for (DiffEntry entry : diff.scan(base, new FileTreeIterator(repository))) {
                if (entry.getChangeType() == DiffEntry.ChangeType.DELETE) {
                    continue;
                }
                Set<Integer> lines =
                        changed.computeIfAbsent(entry.getNewPath().substring(prefix.length()), k -> new TreeSet<>());
                for (Edit edit : diff.toFileHeader(entry).toEditList()) {
                    for (int line = edit.getBeginB(); line < edit.getEndB(); line++) {
                        lines.add(line + 1);
                    }
                }
            }
            return Optional.of(changed);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The workspace's path inside the repository, with a trailing slash ("" when it is the repository's root). */
    private static String prefix(Repository repository, Path workspace) throws IOException {
        Path top = repository.getWorkTree().toPath().toRealPath();
        Path relative = top.relativize(workspace.toRealPath());
        return relative.toString().isEmpty() ? "" : relative.toString().replace('\\', '/') + "/";
    }
}
