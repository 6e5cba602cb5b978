package io.devopsparadise.quality.impact;

import java.util.List;

/**
 * One file a change touched.
 *
 * @param path    workspace-relative, as it is after the change (as it was, for a deleted file)
 * @param oldPath as it was before (differs from path for a rename; null for an added file)
 * @param hunks   the changed line ranges
 * @param blocks  the functions, classes and module statements the change touched (Python files); empty otherwise
 */
record FileChange(String path, String oldPath, Kind kind, List<Hunk> hunks, List<String> blocks) {

    enum Kind {
        ADDED,
        MODIFIED,
        DELETED,
        RENAMED
    }

    FileChange {
        hunks = List.copyOf(hunks);
        blocks = List.copyOf(blocks);
    }

    /**
     * Lines oldStart..oldEnd (exclusive) became newStart..newEnd (exclusive), 1-based; an empty range is an
     * insertion or a deletion at that place.
     */
    record Hunk(int oldStart, int oldEnd, int newStart, int newEnd) {
        @Override
        public String toString() {
            return "-" + oldStart + "," + (oldEnd - oldStart) + " +" + newStart + "," + (newEnd - newStart);
        }
    }
}
