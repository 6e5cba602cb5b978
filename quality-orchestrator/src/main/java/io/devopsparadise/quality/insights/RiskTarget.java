package io.devopsparadise.quality.insights;

/**
 * The change whose risk is asked: the working tree against HEAD (neither given), one commit, or a range from one commit
 * to another ({@code to} defaults to HEAD).
 */
public record RiskTarget(String commit, String from, String to) {

    public RiskTarget {
        commit = blankToNull(commit);
        from = blankToNull(from);
        to = blankToNull(to);
        if (commit != null && (from != null || to != null)) {
            throw new IllegalArgumentException("give either commit, or from (and optionally to), not both");
        }
        if (to != null && from == null) {
            throw new IllegalArgumentException("to needs from: a range is from..to");
        }
    }

    public boolean workingTree() {
        return commit == null && from == null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
