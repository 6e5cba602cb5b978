package io.devopsparadise.quality.insights.history;

/** Lines {@code start} (inclusive) to {@code end} (exclusive), 0-based, of one version of a file. */
public record LineSpan(int start, int end) {

    public LineSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad line span " + start + ".." + end);
        }
    }

    public int length() {
        return end - start;
    }
}
