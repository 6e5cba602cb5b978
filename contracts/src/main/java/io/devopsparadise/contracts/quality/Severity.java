package io.devopsparadise.contracts.quality;

/** Severity of a finding, on SARIF's scale plus the two ends security tools use. */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW,
    INFO;

    /** SARIF 2.1.0 result level. */
    public String sarifLevel() {
        return switch (this) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }
}
