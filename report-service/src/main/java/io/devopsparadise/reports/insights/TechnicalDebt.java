package io.devopsparadise.reports.insights;

/**
 * A run's technical debt, as SonarQube measures it: the effort to fix its findings, and that effort against the estimated
 * cost of developing the code (its measured lines × minutes per line), rated A (≤ 5%) to E (> 50%).
 *
 * @param codeLines the lines its coverage tools measured (executable lines); null when none did, and then no ratio
 * @param ratio     debt over development cost, 0 to 1 and beyond; null without code lines
 * @param rating    A to E; null without a ratio
 */
public record TechnicalDebt(
        String runId,
        java.time.Instant startedAt,
        String gitCommit,
        int findings,
        long minutes,
        Integer codeLines,
        Double ratio,
        String rating) {

    public static TechnicalDebt of(
            String runId,
            java.time.Instant startedAt,
            String gitCommit,
            int findings,
            long minutes,
            Integer codeLines,
            int minutesPerLine) {
        Double ratio = codeLines == null || codeLines == 0 ? null : minutes / ((double) codeLines * minutesPerLine);
        return new TechnicalDebt(
                runId, startedAt, gitCommit, findings, minutes, codeLines, ratio, ratio == null ? null : rating(ratio));
    }

    public double hours() {
        return minutes / 60.0;
    }

    static String rating(double ratio) {
        return ratio <= 0.05 ? "A" : ratio <= 0.10 ? "B" : ratio <= 0.20 ? "C" : ratio <= 0.50 ? "D" : "E";
    }
}
