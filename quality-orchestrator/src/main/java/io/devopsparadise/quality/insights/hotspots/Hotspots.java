package io.devopsparadise.quality.insights.hotspots;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Ranks a repository's files as CodeScene does, by churn times complexity, each measured against the repository's
 * largest; then lines no test runs and findings raise a file's score (each by up to twice), because a complex file that
 * changes often is riskier untested and already flagged. Only files with measured complexity (that exist and parse) rank;
 * a file that did not change in the window scores 0.
 */
public final class Hotspots {

    private Hotspots() {}

    /**
     * @param coveredPercent per file, the latest run's line coverage (files it did not measure are absent)
     * @param findings       per file, the latest run's findings
     */
    public static List<Hotspot> rank(
            Map<String, Integer> churn,
            Map<String, FileComplexity> complexity,
            Map<String, Double> coveredPercent,
            Map<String, Integer> findings) {
        double maxChurn = complexity.keySet().stream()
                .mapToInt(f -> churn.getOrDefault(f, 0))
                .max()
                .orElse(0);
        double maxComplexity = complexity.values().stream()
                .mapToInt(FileComplexity::total)
                .max()
                .orElse(0);
        double maxFindings = complexity.keySet().stream()
                .mapToInt(f -> findings.getOrDefault(f, 0))
                .max()
                .orElse(0);
        List<Hotspot> ranked = new ArrayList<>();
        for (FileComplexity file : complexity.values()) {
            int commits = churn.getOrDefault(file.file(), 0);
            Double covered = coveredPercent.get(file.file());
            int flagged = findings.getOrDefault(file.file(), 0);
            double score = share(commits, maxChurn)
                    * share(file.total(), maxComplexity)
                    * (1 + (covered == null ? 0 : 1 - covered / 100))
                    * (1 + share(flagged, maxFindings))
                    / 4;
            String mostComplex = file.functions().stream()
                    .max(Comparator.comparingInt(FunctionComplexity::complexity))
                    .map(FunctionComplexity::function)
                    .orElse(null);
            ranked.add(new Hotspot(
                    file.file(), commits, file.total(), file.highest(), mostComplex, covered, flagged, score));
        }
        ranked.sort(Comparator.comparingDouble(Hotspot::score).reversed().thenComparing(Hotspot::file));
        return ranked;
    }

    private static double share(double value, double max) {
        return max == 0 ? 0 : value / max;
    }
}
