package io.devopsparadise.reports.render;

import io.devopsparadise.contracts.quality.TestPlan;
import java.util.List;

/**
 * A test plan as the HTML and Markdown reports list it. The orchestrator names at most 50 changed blocks and 20 tests,
 * but a run posted to the report-service can name any number: every list is cut here, with how many were left out.
 */
public record ListedPlan(TestPlan plan, Listed reasons, Listed changed, Listed first) {

    static final int REASONS = 10;
    static final int CHANGED = 50;
    static final int FIRST = 20;

    static ListedPlan of(TestPlan plan) {
        return new ListedPlan(
                plan,
                Listed.of(plan.reasons(), REASONS),
                Listed.of(plan.changed(), CHANGED),
                Listed.of(plan.first(), FIRST));
    }

    /** The first items of a list and how many more it has. */
    public record Listed(List<String> items, int more) {

        static Listed of(List<String> all, int max) {
            return new Listed(List.copyOf(all.subList(0, Math.min(all.size(), max))), Math.max(0, all.size() - max));
        }
    }
}
