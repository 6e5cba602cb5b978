package io.devopsparadise.quality.semantic;

import java.util.Objects;
import java.util.Set;

/**
 * A symbol of one file, flattened: its container names the enclosing symbols ("Greeter", "Outer/Inner"; "" at the
 * top level). Lines are 1-based and inclusive.
 */
public record DocumentSymbol(String file, String name, String kind, String container, int startLine, int endLine) {

    /** Kinds that describe code structure; variables, fields and the like are left out of overviews and changes. */
    static final Set<String> STRUCTURAL =
            Set.of("Class", "Interface", "Enum", "Struct", "Function", "Method", "Constructor", "Module", "Namespace");

    public DocumentSymbol {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        kind = kind == null ? "Unknown" : kind;
        container = container == null ? "" : container;
        if (startLine < 1 || endLine < startLine) {
            throw new IllegalArgumentException(
                    "symbol " + name + " in " + file + " has no valid line range: " + startLine + "-" + endLine);
        }
    }

    boolean structural() {
        return STRUCTURAL.contains(kind);
    }

    boolean covers(int line) {
        return line >= startLine && line <= endLine;
    }
}
