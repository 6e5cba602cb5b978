package io.devopsparadise.reports.store;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param total how many items the whole list has
 */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    public static final int MAX_LIMIT = 500;

    public Page {
        items = List.copyOf(items);
    }

    /** Checks paging parameters a caller chose. */
    public static void check(int offset, int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, got " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }
}
