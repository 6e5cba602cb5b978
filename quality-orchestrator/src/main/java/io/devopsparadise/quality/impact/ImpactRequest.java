package io.devopsparadise.quality.impact;

import java.time.Duration;

/**
 * How a run wants its tests.
 *
 * @param changedOnly run only what the change can break
 * @param base        measure the change from the merge-base with this branch or commit; null = since the last mapped run
 * @param fullReason  why every test runs regardless (the profile forces full runs); null when it does not
 * @param failFast    stop at the first failing test
 * @param client      whose run it is: impact maps are kept per client and workspace, never shared between clients
 */
public record ImpactRequest(
        boolean changedOnly, String base, String fullReason, boolean failFast, Duration timeout, String client) {

    public ImpactRequest {
        checkBase(base);
        client = client == null ? "" : client;
    }

    /** A request of a run outside any client (tests, the benchmark). */
    public ImpactRequest(boolean changedOnly, String base, String fullReason, boolean failFast, Duration timeout) {
        this(changedOnly, base, fullReason, failFast, timeout, "");
    }

    /** Refuses a base that is not a plain branch, tag or commit name, saying what to give instead. */
    public static void checkBase(String base) {
        if (base != null && !ChangeDetector.isRevision(base)) {
            throw new IllegalArgumentException(
                    "base '" + shown(base) + "' is not a branch, tag or commit name (letters, digits, . _ / ~ ^ -)");
        }
    }

    private static String shown(String base) {
        String printable = base.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "…" : printable;
    }
}
