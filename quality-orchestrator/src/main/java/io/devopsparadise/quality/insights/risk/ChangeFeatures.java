package io.devopsparadise.quality.insights.risk;

import java.util.EnumMap;
import java.util.Map;

/** One change's features, as measured (not yet transformed for the model). */
public record ChangeFeatures(Map<Feature, Double> raw) {

    public ChangeFeatures {
        raw = new EnumMap<>(raw);
        if (raw.size() != Feature.values().length) {
            throw new IllegalArgumentException("every feature needs a value");
        }
    }

    public double get(Feature feature) {
        return raw.get(feature);
    }

    /** The model's inputs, in {@link Feature} order. */
    double[] transformed() {
        Feature[] features = Feature.values();
        double[] values = new double[features.length];
        for (int i = 0; i < features.length; i++) {
            values[i] = features[i].transform(get(features[i]));
        }
        return values;
    }

    /** The simplest baseline predictor: lines changed alone, in every file. */
    public double linesChanged() {
        return get(Feature.LINES_ADDED) + get(Feature.LINES_DELETED) + get(Feature.OTHER_LINES);
    }
}
