package io.devopsparadise.quality.impact;

import java.util.List;

/** A test plan in one line: what runs, what is skipped and why, and how long it should take. */
final class PlanSummary {

    private static final int MAX = 1_000;

    private PlanSummary() {}

    static String of(
            String tool,
            boolean runAll,
            int selected,
            int known,
            int workers,
            long expectedMillis,
            long fullSuiteMillis,
            List<String> reasons) {
        // Maven's plans count test classes: the map keeps Java tests per class, as JaCoCo measures them
        String unit = MavenImpact.TOOL.equals(tool) ? "test class(es)" : "test(s)";
        String what = runAll && known == 0
                ? "every " + unit.replace("(es)", "").replace("(s)", "") + " runs (none known before this run)"
                : runAll
                        ? "all " + known + " known " + unit + " run"
                        : selected + " of " + known + " " + unit + " selected, " + Math.max(0, known - selected)
                                + " skipped";
        String expected = known == 0
                ? String.format("no time estimate yet, on %d worker(s)", workers)
                : String.format(
                        "expected %.1f s on %d worker(s) (full suite %.1f s)",
                        expectedMillis / 1000.0, workers, fullSuiteMillis / 1000.0);
        String line = String.format(
                "%s: %s, %s%s", tool, what, expected, reasons.isEmpty() ? "" : ": " + String.join("; ", reasons));
        return line.length() > MAX ? line.substring(0, MAX) + "…" : line;
    }
}
