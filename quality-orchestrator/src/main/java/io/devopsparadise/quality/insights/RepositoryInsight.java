package io.devopsparadise.quality.insights;

import io.devopsparadise.quality.insights.risk.ChangeFeatures;
import io.devopsparadise.quality.insights.risk.LabelledHistory;
import io.devopsparadise.quality.insights.risk.RiskModels;
import io.devopsparadise.quality.insights.risk.RiskScorer;
import java.util.Arrays;

/** What one repository's history at one HEAD yields: its labelled commits, its risk scorer, its commits' own scores. */
record RepositoryInsight(LabelledHistory history, RiskScorer scorer, double[] sortedScores) {

    static RepositoryInsight of(LabelledHistory history) {
        RiskScorer scorer = RiskModels.forHistory(history);
        double[] scores = history.features().stream()
                .mapToDouble(scorer::probability)
                .sorted()
                .toArray();
        return new RepositoryInsight(history, scorer, scores);
    }

    /** The share of the history's commits that scored lower, 0 to 100. */
    double percentile(double risk) {
        if (sortedScores.length == 0) {
            return 50;
        }
        int below = Arrays.binarySearch(sortedScores, risk);
        int index = below >= 0 ? below : -below - 1;
        return 100.0 * index / sortedScores.length;
    }

    double score(ChangeFeatures features) {
        return scorer.probability(features);
    }
}
