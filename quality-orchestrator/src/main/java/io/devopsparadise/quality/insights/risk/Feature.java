package io.devopsparadise.quality.insights.risk;

/**
 * The change-level features of just-in-time defect prediction (Kamei et al., 2013), as this platform measures them. Counts
 * enter the model as log(1 + n), as in the paper.
 */
public enum Feature {
    LINES_ADDED("source lines added", true),
    LINES_DELETED("source lines deleted", true),
    OTHER_LINES("lines changed outside source files (docs, data, configuration)", true),
    TEST_SHARE("share of the changed source lines that are in tests", false),
    FILES("files touched", true),
    DIRECTORIES("directories touched", true),
    SUBSYSTEMS("top-level directories touched", true),
    ENTROPY("spread of the change over its files (normalized entropy)", false),
    FILE_AGE("days since the touched files last changed (mean)", true),
    PRIOR_CHANGES("earlier changes per touched file", true),
    DEVELOPERS("developers who changed the touched files before", true),
    PAST_FIXES("earlier fixes per touched file", true),
    AUTHOR_EXPERIENCE("the author's share of the earlier commits", false),
    AUTHOR_FILE_EXPERIENCE("the author's share of the earlier changes to the touched files", false),
    FIX("the change is a fix", false);

    private final String description;
    private final boolean count;

    Feature(String description, boolean count) {
        this.description = description;
        this.count = count;
    }

    public String description() {
        return description;
    }

    /** Whether the model sees it as log(1 + n). */
    boolean count() {
        return count;
    }

    /** The value the model sees. */
    double transform(double raw) {
        return count ? Math.log1p(raw) : raw;
    }
}
