package io.devopsparadise.contracts.quality;

import java.util.Objects;

/**
 * One finding of a lint or security tool, in terms SARIF can carry.
 *
 * @param line        1-based; 0 when the tool names no line (npm audit names a package instead of a file)
 * @param fingerprint the finding's identity across runs when lines shift: rule, file and a hash of the code around it
 *                    (like SARIF's partialFingerprints); null until the orchestrator has computed it
 * @param introduced  true when the finding is new since the run's baseline, false when the baseline had it too, null
 *                    when the run has no baseline
 * @param column      1-based; null when the tool names no column (results written before columns existed have none)
 */
public record Finding(
        String tool,
        String rule,
        Severity severity,
        String file,
        int line,
        String message,
        String fingerprint,
        Boolean introduced,
        Integer column) {

    public Finding {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    /** A finding as a tool's report states it, before it is fingerprinted and compared with a baseline. */
    public Finding(String tool, String rule, Severity severity, String file, int line, String message) {
        this(tool, rule, severity, file, line, message, null, null, null);
    }

    /** A finding at a line and column, as a language server states it. */
    public Finding(String tool, String rule, Severity severity, String file, int line, int column, String message) {
        this(tool, rule, severity, file, line, message, null, null, column > 0 ? column : null);
    }

    /** A finding without a column, fingerprinted and compared. */
    public Finding(
            String tool,
            String rule,
            Severity severity,
            String file,
            int line,
            String message,
            String fingerprint,
            Boolean introduced) {
        this(tool, rule, severity, file, line, message, fingerprint, introduced, null);
    }

    public Finding withFingerprint(String fingerprint) {
        return new Finding(tool, rule, severity, file, line, message, fingerprint, introduced, column);
    }

    public Finding markedNew(boolean isNew) {
        return new Finding(tool, rule, severity, file, line, message, fingerprint, isNew, column);
    }

    /** True when the finding is known to be new since the baseline. */
    public boolean wasIntroduced() {
        return Boolean.TRUE.equals(introduced);
    }
}
