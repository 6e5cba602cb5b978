package io.devopsparadise.contracts.quality;

/** How one tool's part of a run ended. SKIPPED: not installed or not applicable; ERROR: crashed or timed out. */
public enum ToolStatus {
    PASSED,
    FAILED,
    SKIPPED,
    ERROR
}
