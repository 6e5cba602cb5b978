package io.devopsparadise.quality.semantic;

import java.util.Objects;

/**
 * One diagnostic of a language server.
 *
 * @param file     workspace-relative
 * @param line     1-based
 * @param column   1-based
 * @param severity error, warning, info or hint
 * @param source   the checker that reported it (Pyright, typescript, …); null when the server names none
 */
public record Diagnostic(String file, int line, int column, String severity, String message, String source) {

    public Diagnostic {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }
}
