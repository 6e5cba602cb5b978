package io.devopsparadise.quality.insights.risk;

import java.util.List;

/** Centres and scales the model's inputs by a history's means and standard deviations. */
record Standardization(double[] mean, double[] deviation) {

    static Standardization of(List<ChangeFeatures> history) {
        int width = Feature.values().length;
        double[] mean = new double[width];
        double[] squares = new double[width];
        for (ChangeFeatures change : history) {
            double[] values = change.transformed();
            for (int i = 0; i < width; i++) {
                mean[i] += values[i];
                squares[i] += values[i] * values[i];
            }
        }
        double[] deviation = new double[width];
        int n = Math.max(1, history.size());
        for (int i = 0; i < width; i++) {
            mean[i] /= n;
            double variance = squares[i] / n - mean[i] * mean[i];
            deviation[i] = variance > 1e-12 ? Math.sqrt(variance) : 1;
        }
        return new Standardization(mean, deviation);
    }

    double[] apply(ChangeFeatures change) {
        double[] values = change.transformed();
        for (int i = 0; i < values.length; i++) {
            values[i] = (values[i] - mean[i]) / deviation[i];
        }
        return values;
    }

    /** A feature's mean input, back on its measured scale. */
    double typical(Feature feature) {
        double value = mean[feature.ordinal()];
        return feature.count() ? Math.expm1(value) : value;
    }
}
