package io.devopsparadise.contracts.quality;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What kind of quality a tool measures, in the order a run reports them. Written as its id ("unit", "lint", ...), in
 * profiles, in {@code .paradise.yml} and in JSON.
 */
public enum ToolCategory {
    UNIT("unit"),
    LINT("lint"),
    SEMANTIC("semantic"),
    SECURITY("security"),
    API("api"),
    E2E("e2e"),
    PERFORMANCE("performance");

    private static final List<String> IDS =
            Arrays.stream(values()).map(ToolCategory::id).toList();

    private final String id;

    ToolCategory(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** Whether its tools report findings (lint, semantic and security tools) rather than tests. */
    public boolean reportsFindings() {
        return this == LINT || this == SEMANTIC || this == SECURITY;
    }

    /** The ids, in order. */
    public static List<String> ids() {
        return IDS;
    }

    public static Optional<ToolCategory> find(String id) {
        return Arrays.stream(values())
                .filter(category -> category.id.equals(id))
                .findFirst();
    }

    @JsonCreator
    public static ToolCategory of(String id) {
        return find(id).orElseThrow(
                        () -> new IllegalArgumentException("no tool category '" + id + "'; the categories are " + IDS));
    }

    @Override
    public String toString() {
        return id;
    }
}
