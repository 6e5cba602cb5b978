package io.devopsparadise.quality.insights.history;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.NotIgnoredFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * The changes of a repository read with JGit: its history (every non-merge commit reachable from HEAD against its first
 * parent, oldest first), one commit, a range, or the working tree against HEAD. Lines are counted ignoring changes of
 * whitespace, and renames are followed, as Kamei et al.'s features expect.
 */
public final class CommitHistory {

    private final Repository repository;
    private final HistoryLimits limits;

    public CommitHistory(Repository repository, HistoryLimits limits) {
        this.repository = repository;
        this.limits = limits;
    }

    /** The newest {@code maxCommits} non-merge commits reachable from HEAD, oldest first; empty without a HEAD. */
    public List<CommitChange> commits() throws IOException {
        ObjectId head = repository.resolve("HEAD");
        if (head == null) {
            return List.of();
        }
        List<CommitChange> newestFirst = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository);
                DiffFormatter diff = formatter()) {
            walk.sort(RevSort.COMMIT_TIME_DESC);
            walk.markStart(walk.parseCommit(head));
            for (RevCommit commit : walk) {
                if (commit.getParentCount() > 1) {
                    continue;
                }
                newestFirst.add(change(walk, commit, diff));
                if (newestFirst.size() == limits.maxCommits()) {
                    break;
                }
            }
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** One commit against its first parent. */
    public CommitChange commit(String revision) throws IOException {
        try (RevWalk walk = new RevWalk(repository);
                DiffFormatter diff = formatter()) {
            return change(walk, walk.parseCommit(resolve(revision)), diff);
        }
    }

    /** Everything between two commits as one change, by the later commit's author. */
    public CommitChange range(String from, String to) throws IOException {
        try (RevWalk walk = new RevWalk(repository);
                DiffFormatter diff = formatter()) {
            RevCommit start = walk.parseCommit(resolve(from));
            RevCommit end = walk.parseCommit(resolve(to));
            List<ChangedFile> files = files(diff, diff.scan(start.getTree(), end.getTree()));
            return new CommitChange(
                    start.name() + ".." + end.name(),
                    start.name(),
                    end.getCommitterIdent().getWhenAsInstant(),
                    email(end.getAuthorIdent()),
                    end.getFullMessage(),
                    files);
        }
    }

    /** The working tree (files not ignored, committed or not, outside .paradise/) against HEAD, by {@code author}. */
    public CommitChange workingTree(String author, Instant now) throws IOException {
        ObjectId head = repository.resolve("HEAD^{tree}");
        try (DiffFormatter diff = formatter();
                ObjectReader reader = repository.newObjectReader()) {
            // the platform's own reports (.paradise/) are no change of the developer's
            diff.setPathFilter(AndTreeFilter.create(
                    new NotIgnoredFilter(1), PathFilter.create(".paradise").negate()));
            AbstractTreeIterator base = new CanonicalTreeParser();
            if (head != null) {
                ((CanonicalTreeParser) base).reset(reader, head);
            }
            List<ChangedFile> files = files(diff, diff.scan(base, new FileTreeIterator(repository)));
            return new CommitChange(
                    "HEAD..working tree",
                    head == null ? null : repository.resolve("HEAD").name(),
                    now,
                    author,
                    "",
                    files);
        }
    }

    private ObjectId resolve(String revision) throws IOException {
        ObjectId id = revision == null || revision.startsWith("-") ? null : repository.resolve(revision + "^{commit}");
        if (id == null) {
            throw new UnknownRevisionException(revision);
        }
        return id;
    }

    private CommitChange change(RevWalk walk, RevCommit commit, DiffFormatter diff) throws IOException {
        RevCommit parent = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
        List<DiffEntry> entries = diff.scan(parent == null ? null : parent.getTree(), commit.getTree());
        return new CommitChange(
                commit.name(),
                parent == null ? null : parent.name(),
                commit.getCommitterIdent().getWhenAsInstant(),
                email(commit.getAuthorIdent()),
                commit.getFullMessage(),
                files(diff, entries));
    }

    private List<ChangedFile> files(DiffFormatter diff, List<DiffEntry> entries) throws IOException {
        List<ChangedFile> files = new ArrayList<>();
        for (DiffEntry entry : entries.stream()
                .sorted(Comparator.comparing(CommitHistory::path))
                .limit(limits.maxFilesPerCommit())
                .toList()) {
            files.add(file(entry, diff.toFileHeader(entry)));
        }
        return files;
    }

    private static ChangedFile file(DiffEntry entry, FileHeader header) {
        int added = 0;
        int deleted = 0;
        List<LineSpan> parentLines = new ArrayList<>();
        if (header.getPatchType() == FileHeader.PatchType.UNIFIED) {
            for (Edit edit : header.toEditList()) {
                added += edit.getLengthB();
                deleted += edit.getLengthA();
                if (edit.getLengthA() > 0) {
                    parentLines.add(new LineSpan(edit.getBeginA(), edit.getEndA()));
                }
            }
        }
        String oldPath = entry.getChangeType() == DiffEntry.ChangeType.ADD ? null : entry.getOldPath();
        return new ChangedFile(path(entry), oldPath, added, deleted, parentLines);
    }

    private static String path(DiffEntry entry) {
        return entry.getChangeType() == DiffEntry.ChangeType.DELETE ? entry.getOldPath() : entry.getNewPath();
    }

    private DiffFormatter formatter() {
        DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE);
        diff.setRepository(repository);
        diff.setDiffComparator(RawTextComparator.WS_IGNORE_ALL);
        diff.setDetectRenames(true);
        diff.setBinaryFileThreshold(limits.maxFileBytes());
        return diff;
    }

    private static String email(PersonIdent person) {
        return person.getEmailAddress() == null ? "" : person.getEmailAddress().toLowerCase(Locale.ROOT);
    }
}
