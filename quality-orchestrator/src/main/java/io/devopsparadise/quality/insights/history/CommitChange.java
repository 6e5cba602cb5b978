package io.devopsparadise.quality.insights.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A change: one commit against its first parent, a range, or the working tree against HEAD.
 *
 * @param id      the commit's id; for a range or the working tree, a name for it ("HEAD..working tree")
 * @param parent  the commit it was compared with; null for a root commit
 * @param time    when it was committed (the committer's time, as git log --since counts)
 * @param author  the author's e-mail address, lower case
 */
public record CommitChange(
        String id, String parent, Instant time, String author, String message, List<ChangedFile> files) {

    public CommitChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        author = author == null ? "" : author;
        message = message == null ? "" : message;
        files = List.copyOf(files);
    }

    public int linesAdded() {
        return files.stream().mapToInt(ChangedFile::added).sum();
    }

    public int linesDeleted() {
        return files.stream().mapToInt(ChangedFile::deleted).sum();
    }
}
