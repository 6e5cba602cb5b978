package io.devopsparadise.quality.insights.risk;

/**
 * Chooses how to score a repository's changes: a model trained on its history where the history has enough commits of
 * both kinds, the documented heuristic otherwise.
 */
public final class RiskModels {

    /** Fewer commits than this, or fewer of either label, and the model is not trained. */
    public static final int MIN_COMMITS = 200;

    public static final int MIN_PER_LABEL = 20;
    static final long SEED = 20261130L;

    private RiskModels() {}

    public static RiskScorer forHistory(LabelledHistory history) {
        int buggy = history.buggyCount();
        int clean = history.size() - buggy;
        if (history.size() < MIN_COMMITS || buggy < MIN_PER_LABEL || clean < MIN_PER_LABEL) {
            return HeuristicRisk.of(
                    history.features(),
                    "the history has " + history.size() + " commits, " + buggy
                            + " traced to a later fix; training needs " + MIN_COMMITS + " commits and " + MIN_PER_LABEL
                            + " of each kind");
        }
        return TrainedRiskModel.train(history.features(), history.buggy(), SEED);
    }
}
