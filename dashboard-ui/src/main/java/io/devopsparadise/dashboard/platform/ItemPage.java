package io.devopsparadise.dashboard.platform;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.TestCaseResult;

import java.util.List;

/** A page of a stored run's tests or findings, as the report-service pages them. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ItemPage<T>(List<T> items, long total, int offset, int limit) {

    public ItemPage {
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

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TestItem(String tool, TestCaseResult test) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FindingItem(Finding finding, boolean advisory) {
    }
}
