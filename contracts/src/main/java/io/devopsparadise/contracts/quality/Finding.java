package io.devopsparadise.contracts.quality;

import java.util.Objects;

/**
 * One finding of a lint or security tool, in terms SARIF can carry.
 *
 * @param line 1-based; 0 when the tool names no line (npm audit names a package instead of a file)
 */
public record Finding(String tool, String rule, Severity severity, String file, int line, String message) {

    public Finding {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }
}
