package io.devopsparadise.contracts.quality;

import java.util.List;
import java.util.Set;

/** What a quality profile may name: shared by the orchestrator, which runs profiles, and the tools that check them. */
public final class ProfileRules {

    /** Tool categories' ids, in the order a run reports them. */
    public static final List<String> CATEGORIES = ToolCategory.ids();

    /** Keys of one profile in YAML ({@code paradise.quality.profiles.<name>.*}). */
    public static final Set<String> KEYS = Set.of(
            "categories",
            "tool-timeout",
            "min-line-coverage",
            "max-findings",
            "max-new-findings",
            "min-changed-line-coverage",
            "fail-fast",
            "target-url",
            "min-performance-score",
            "run-unconfigured-linters",
            "judge-unconfigured-linters",
            "tools",
            "changed-only",
            "full-tests",
            "reuse-results");

    /** Profile names: letters, digits, '-' and '_'. */
    public static final String NAME = "[A-Za-z0-9][A-Za-z0-9_-]{0,40}";

    private ProfileRules() {}
}
