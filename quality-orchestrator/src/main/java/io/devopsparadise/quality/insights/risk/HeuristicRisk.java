package io.devopsparadise.quality.insights.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The risk score used where a repository's history is too short to train on: fixed weights on the features, standardized
 * by the repository's own history, in the directions Kamei et al. (2013) found across their projects. Larger changes,
 * changes spread over many files, files with many past fixes and fixes themselves are riskier; an author who knows the
 * files lowers the risk. The intercept puts a typical change at a 25% chance, near the share of bug-introducing changes
 * in their data. Documented in docs/insights.md; the answer always says when this heuristic was used.
 */
public final class HeuristicRisk implements RiskScorer {

    static final Map<Feature, Double> WEIGHTS = weights();
    private static final double INTERCEPT = Math.log(0.25 / 0.75);

    private final Standardization scaling;
    private final String reason;

    HeuristicRisk(Standardization scaling, String reason) {
        this.scaling = scaling;
        this.reason = reason;
    }

    public static HeuristicRisk of(List<ChangeFeatures> history, String reason) {
        return new HeuristicRisk(Standardization.of(history), reason);
    }

    @Override
    public double probability(ChangeFeatures change) {
        double logit = INTERCEPT
                + factors(change).stream().mapToDouble(RiskFactor::contribution).sum();
        return 1 / (1 + Math.exp(-logit));
    }

    @Override
    public List<RiskFactor> factors(ChangeFeatures change) {
        double[] inputs = scaling.apply(change);
        List<RiskFactor> factors = new ArrayList<>();
        for (Feature feature : Feature.values()) {
            factors.add(new RiskFactor(
                    feature,
                    feature.description(),
                    change.get(feature),
                    scaling.typical(feature),
                    WEIGHTS.getOrDefault(feature, 0.0) * inputs[feature.ordinal()]));
        }
        factors.sort(Comparator.comparingDouble(RiskFactor::contribution).reversed());
        return factors;
    }

    @Override
    public String method() {
        return "heuristic (fixed weights from Kamei et al., 2013, on this repository's scale): " + reason;
    }

    private static Map<Feature, Double> weights() {
        Map<Feature, Double> weights = new EnumMap<>(Feature.class);
        weights.put(Feature.LINES_ADDED, 0.6);
        weights.put(Feature.LINES_DELETED, 0.2);
        weights.put(Feature.FILES, 0.3);
        weights.put(Feature.ENTROPY, 0.3);
        weights.put(Feature.PAST_FIXES, 0.3);
        weights.put(Feature.PRIOR_CHANGES, 0.1);
        weights.put(Feature.FIX, 0.2);
        weights.put(Feature.TEST_SHARE, -0.2);
        weights.put(Feature.AUTHOR_FILE_EXPERIENCE, -0.3);
        weights.put(Feature.AUTHOR_EXPERIENCE, -0.2);
        return weights;
    }
}
