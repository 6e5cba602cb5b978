package io.devopsparadise.quality.insights.risk;

/**
 * How much one feature pushed a change's risk up (positive) or down, in log-odds.
 *
 * @param value        the change's measured value
 * @param typical      the history's mean of the model's input, shown back on the measured scale
 * @param contribution the feature's share of the change's log-odds against a typical change
 */
public record RiskFactor(Feature feature, String description, double value, double typical, double contribution) {}
