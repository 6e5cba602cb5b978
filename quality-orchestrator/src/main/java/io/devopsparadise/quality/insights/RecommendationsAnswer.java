package io.devopsparadise.quality.insights;

import java.util.List;

/**
 * What is worth doing in a client's workspace, the highest expected payoff first.
 *
 * @param latestRun the stored run whose coverage, tests and changed lines were read; null when there is none
 * @param missing   inputs that were not available, and what is therefore not recommended on
 * @param total     recommendations found; {@code recommendations} holds the first {@code limit}
 */
public record RecommendationsAnswer(
        String clientId, String latestRun, List<String> missing, int total, List<Recommendation> recommendations) {

    public RecommendationsAnswer {
        missing = List.copyOf(missing);
        recommendations = List.copyOf(recommendations);
    }
}
