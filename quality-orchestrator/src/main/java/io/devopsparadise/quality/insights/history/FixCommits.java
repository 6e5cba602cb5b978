package io.devopsparadise.quality.insights.history;

import java.util.regex.Pattern;

/**
 * Tells a fixing commit by its message, as SZZ does: a word of fixing ("fix", "fixes", "bug", "defect", "regression",
 * "crash"…) or a closed issue ("closes #12", "resolved #3"). Commits whose message is only about typos, docs or
 * style are not fixes of behaviour, and not counted.
 */
public final class FixCommits {

    private static final Pattern FIX = Pattern.compile(
            "\\b(fix(e[sd]|ing)?|bug(s|fix(es)?)?|defects?|regressions?|crash(es|ed)?|broken|(close[sd]?|resolve[sd]?) #\\d+)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_BEHAVIOUR = Pattern.compile(
            "\\b(typos?|spelling|docs?|docstrings?|readme|changelog|whitespace|flake8|pep8|lint)\\b",
            Pattern.CASE_INSENSITIVE);

    private FixCommits() {}

    public static boolean isFix(String message) {
        String subject = message.lines().findFirst().orElse("");
        return FIX.matcher(message).find() && !NOT_BEHAVIOUR.matcher(subject).find();
    }
}
