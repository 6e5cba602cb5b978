package io.devopsparadise.quality.insights.risk;

import java.util.List;

/** Scores a change's risk of introducing a bug, from its features. */
public interface RiskScorer {

    /** The chance that the change introduces a bug, 0 to 1. */
    double probability(ChangeFeatures change);

    /** Every feature's contribution, the largest push toward risk first. */
    List<RiskFactor> factors(ChangeFeatures change);

    /** How the score was made, in words a user reads. */
    String method();
}
