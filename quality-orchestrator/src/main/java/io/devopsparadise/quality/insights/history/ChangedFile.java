package io.devopsparadise.quality.insights.history;

import java.util.List;

/**
 * One file a change touched.
 *
 * @param path        its path after the change (its old path when the change deleted it)
 * @param oldPath     its path before the change; null when the change added it
 * @param added       lines added (a modified line counts as one deleted and one added)
 * @param deleted     lines deleted
 * @param parentLines the lines of the old version the change deleted or modified, where SZZ looks for their origin
 */
public record ChangedFile(String path, String oldPath, int added, int deleted, List<LineSpan> parentLines) {

    public ChangedFile {
        parentLines = List.copyOf(parentLines);
    }

    public int linesChanged() {
        return added + deleted;
    }

    /** The file's directory ("" at the root). */
    public String directory() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Its top-level directory, the subsystem of Kamei et al. ("" at the root). */
    public String subsystem() {
        int slash = path.indexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
