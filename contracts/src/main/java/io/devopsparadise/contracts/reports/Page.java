package io.devopsparadise.contracts.reports;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param total how many items the whole list has
 */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    public static final int MAX_LIMIT = 500;
    /** Paging deeper than this costs the database a scan of as many rows; filters narrow a list instead. */
    public static final int MAX_OFFSET = 1_000_000;

    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean hasPrevious() {
        return offset > 0;
    }

    public boolean hasNext() {
        return offset + items.size() < total;
    }

    public int previousOffset() {
        return Math.max(0, offset - limit);
    }

    public int nextOffset() {
        return offset + limit;
    }

    /** 1-based position of the first item shown. */
    public long first() {
        return items.isEmpty() ? 0 : offset + 1L;
    }

    public long last() {
        return offset + (long) items.size();
    }

    /** Checks paging parameters a caller chose. */
    public static void check(int offset, int limit) {
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new IllegalArgumentException("offset must be between 0 and " + MAX_OFFSET + ", got " + offset
                    + (offset > MAX_OFFSET ? "; narrow the list with its filters instead" : ""));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }
}
