package io.devopsparadise.quality.impact;

import io.devopsparadise.quality.gate.WorkspaceRepository;
import io.devopsparadise.quality.reportdir.WorkspaceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.NotIgnoredFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Finds what a change touched, with JGit: the files, their hunks, and for Python files the functions, classes and
 * module statements whose text differs. The change is the working tree (committed or not) against a base, or a
 * commit range; a base branch is compared from its merge-base with the head, as a pull request is.
 */
final class ChangeDetector {

    static final int MAX_FILES = 2_000;
    static final long MAX_FILE_BYTES = 2L * 1024 * 1024;
    private static final List<String> GENERATED_DIRECTORIES =
            List.of(".pytest_cache/", ".tox/", ".nox/", ".mypy_cache/", ".ruff_cache/", ".hypothesis/", ".paradise/");
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/~^-]{0,199}");

    private ChangeDetector() {}

    /** The working tree against the merge-base of HEAD and {@code base} (HEAD itself when base is null). */
    static Optional<ChangeSet> workingTree(Path workspace, String base) {
        return detect(workspace, base, null);
    }

    /** The commit {@code head} against its merge-base with {@code base}. */
    static Optional<ChangeSet> range(Path workspace, String base, String head) {
        return detect(workspace, base, head);
    }

    /** The working tree against a commit as it is, without a merge-base: what changed since an impact map was made. */
    static Optional<ChangeSet> sinceCommit(Path workspace, String commit) {
        if (commit == null || !isRevision(commit)) {
            return Optional.empty();
        }
        try (Repository repository = WorkspaceRepository.open(workspace).orElse(null)) {
            ObjectId from = repository == null ? null : repository.resolve(commit + "^{commit}");
            return from == null ? Optional.empty() : Optional.of(diff(repository, workspace, from, null));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The commit HEAD is at; empty without a repository or a commit. */
    static Optional<String> head(Path workspace) {
        try (Repository repository = WorkspaceRepository.open(workspace).orElse(null)) {
            ObjectId head = repository == null ? null : repository.resolve("HEAD^{commit}");
            return Optional.ofNullable(head).map(ObjectId::name);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether a revision is safe to hand to JGit: a name or a hash, never an option or an expression with spaces. */
    static boolean isRevision(String revision) {
        return revision != null && REVISION.matcher(revision).matches() && !revision.contains("..");
    }

    private static Optional<ChangeSet> detect(Path workspace, String base, String head) {
        if ((base != null && !isRevision(base)) || (head != null && !isRevision(head))) {
            throw new IllegalArgumentException("not a revision: give a branch, a tag or a commit hash");
        }
        try (Repository repository = WorkspaceRepository.open(workspace).orElse(null)) {
            if (repository == null) {
                return Optional.empty();
            }
            ObjectId headCommit = repository.resolve((head == null ? "HEAD" : head) + "^{commit}");
            ObjectId baseCommit = base == null ? headCommit : repository.resolve(base + "^{commit}");
            if (headCommit == null || baseCommit == null) {
                return Optional.empty();
            }
            ObjectId from = mergeBase(repository, baseCommit, headCommit);
            return Optional.of(diff(repository, workspace, from, head == null ? null : headCommit));
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException illegal) {
                throw illegal;
            }
            return Optional.empty();
        }
    }

    /** Files tools generate while they run (bytecode, caches, coverage data): never what a change is made of. */
    static boolean generated(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return path.contains("__pycache__/")
                || name.endsWith(".pyc")
                || name.endsWith(".pyo")
                || name.startsWith(".coverage")
                || GENERATED_DIRECTORIES.stream().anyMatch(dir -> path.startsWith(dir) || path.contains("/" + dir))
                || path.contains(".egg-info/");
    }

    private static ObjectId mergeBase(Repository repository, ObjectId base, ObjectId head) throws IOException {
        if (base.equals(head)) {
            return base;
        }
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(base));
            walk.markStart(walk.parseCommit(head));
            RevCommit found = walk.next();
            return found == null ? base : found.getId();
        }
    }

    private static ChangeSet diff(Repository repository, Path workspace, ObjectId from, ObjectId head)
            throws IOException {
        try (DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE);
                ObjectReader reader = repository.newObjectReader()) {
            diff.setRepository(repository);
            diff.setDetectRenames(true);
            TreeFilter notOurs = PathFilter.create(".paradise").negate();
            diff.setPathFilter(head == null ? AndTreeFilter.create(notOurs, new NotIgnoredFilter(1)) : notOurs);
            AbstractTreeIterator after =
                    head == null ? new FileTreeIterator(repository) : tree(repository, reader, head);
            List<DiffEntry> entries = diff.scan(tree(repository, reader, from), after).stream()
                    .filter(e -> !generated(
                            e.getChangeType() == DiffEntry.ChangeType.DELETE ? e.getOldPath() : e.getNewPath()))
                    .toList();
            if (entries.size() > MAX_FILES) {
                return new ChangeSet(from.name(), head == null ? null : head.name(), List.of(), true);
            }
            Contents contents = new Contents(repository, reader, workspace, head == null);
            List<FileChange> files = new ArrayList<>();
            for (DiffEntry entry : entries) {
                files.add(change(diff, entry, contents));
            }
            return new ChangeSet(from.name(), head == null ? null : head.name(), files, false);
        }
    }

    private static FileChange change(DiffFormatter diff, DiffEntry entry, Contents contents) throws IOException {
        List<FileChange.Hunk> hunks = new ArrayList<>();
        // hunks are for the eye: skipped where diffing would cost more than the change is worth
        Iterable<Edit> edits =
                contents.hunksLeft-- > 0 ? diff.toFileHeader(entry).toEditList() : List.of();
        for (Edit edit : edits) {
            hunks.add(new FileChange.Hunk(
                    edit.getBeginA() + 1, edit.getEndA() + 1, edit.getBeginB() + 1, edit.getEndB() + 1));
        }
        FileChange.Kind kind = switch (entry.getChangeType()) {
            case ADD -> FileChange.Kind.ADDED;
            case DELETE -> FileChange.Kind.DELETED;
            case RENAME, COPY -> FileChange.Kind.RENAMED;
            default -> FileChange.Kind.MODIFIED;
        };
        String path = kind == FileChange.Kind.DELETED ? entry.getOldPath() : entry.getNewPath();
        String oldPath = kind == FileChange.Kind.ADDED ? null : entry.getOldPath();
        List<String> blocks = SourceParsers.parses(path) ? touchedBlocks(contents, entry, kind) : List.of();
        return new FileChange(path, oldPath, kind, hunks, blocks);
    }

    /** Blocks whose text differs before and after, or that exist on one side only. */
    private static List<String> touchedBlocks(Contents contents, DiffEntry entry, FileChange.Kind kind)
            throws IOException {
        Optional<String> before = kind == FileChange.Kind.ADDED ? Optional.of("") : contents.blob(entry.getOldId());
        Optional<String> after = kind == FileChange.Kind.DELETED
                ? Optional.of("")
                : contents.after(entry.getNewPath(), entry.getNewId());
        if (before.isEmpty() || after.isEmpty()) {
            return List.of(SourceBlocks.MODULE);
        }
        String path = kind == FileChange.Kind.DELETED ? entry.getOldPath() : entry.getNewPath();
        SourceBlocks old = SourceParsers.parse(path, before.get());
        SourceBlocks now = SourceParsers.parse(path, after.get());
        Set<String> touched = new TreeSet<>();
        Set<String> names = new TreeSet<>(old.checksums().keySet());
        names.addAll(now.checksums().keySet());
        for (String name : names) {
            if (!java.util.Objects.equals(
                    old.checksums().get(name), now.checksums().get(name))) {
                touched.add(name);
            }
        }
        return List.copyOf(touched);
    }

    private static AbstractTreeIterator tree(Repository repository, ObjectReader reader, ObjectId commit)
            throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            CanonicalTreeParser parser = new CanonicalTreeParser();
            parser.reset(reader, walk.parseCommit(commit).getTree());
            return parser;
        }
    }

    /** Reads file contents from blobs, or from the working tree without following links. */
    private static final class Contents {
        private final Repository repository;
        private final ObjectReader reader;
        private final Path workspace;
        private final boolean workingTree;
        int hunksLeft = 200;

        Contents(Repository repository, ObjectReader reader, Path workspace, boolean workingTree) {
            this.repository = repository;
            this.reader = reader;
            this.workspace = workspace;
            this.workingTree = workingTree;
        }

        Optional<String> blob(AbbreviatedObjectId id) throws IOException {
            if (id == null || !id.isComplete() || id.toObjectId().equals(ObjectId.zeroId())) {
                return Optional.empty();
            }
            var loader = reader.open(id.toObjectId());
            if (loader.getSize() > MAX_FILE_BYTES) {
                return Optional.empty();
            }
            return Optional.of(new String(loader.getCachedBytes(), StandardCharsets.UTF_8));
        }

        Optional<String> after(String path, AbbreviatedObjectId id) throws IOException {
            return workingTree ? WorkspaceText.read(workspace, path, MAX_FILE_BYTES) : blob(id);
        }
    }
}
