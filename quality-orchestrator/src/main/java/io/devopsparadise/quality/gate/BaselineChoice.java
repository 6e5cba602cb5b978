package io.devopsparadise.quality.gate;

import java.util.regex.Pattern;

/**
 * Which stored run a run is compared with: the latest of the same client and workspace on a branch (the base branch
 * by default), the previous one whatever its branch, or the one at a commit. Given in a run request as
 * {@code branch:NAME}, {@code previous} or {@code commit:SHA}.
 */
public record BaselineChoice(String parameter, String value) {

    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._/-]{1,200}");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{4,40}");

    public static BaselineChoice branch(String name) {
        if (!BRANCH.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "baseline branch '" + name + "' is not a branch name (letters, digits, . _ / -)");
        }
        return new BaselineChoice("branch", name);
    }

    public static BaselineChoice previous() {
        return new BaselineChoice("previous", "true");
    }

    /** Reads a run request's {@code baseline}; null or blank means the base branch, which the caller then supplies. */
    public static BaselineChoice parse(String text, String baseBranch) {
        if (text == null || text.isBlank()) {
            return branch(baseBranch);
        }
        if (text.equals("previous")) {
            return previous();
        }
        if (text.startsWith("branch:")) {
            return branch(text.substring("branch:".length()));
        }
        if (text.startsWith("commit:")
                && COMMIT.matcher(text.substring("commit:".length())).matches()) {
            return new BaselineChoice(
                    "commit", text.substring("commit:".length()).toLowerCase(java.util.Locale.ROOT));
        }
        throw new IllegalArgumentException(
                "baseline must be 'previous', 'branch:NAME' or 'commit:SHA' (4 to 40 hex digits), got '" + text + "'");
    }

    /** The branch to take the latest stored run of; null for another choice. */
    public String branch() {
        return parameter.equals("branch") ? value : null;
    }

    /** The commit whose stored run to take; null for another choice. */
    public String commit() {
        return parameter.equals("commit") ? value : null;
    }

    public boolean isPrevious() {
        return parameter.equals("previous");
    }

    String described() {
        return switch (parameter) {
            case "branch" -> "on branch " + value;
            case "commit" -> "at commit " + value;
            default -> "before this one";
        };
    }
}
