package io.devopsparadise.contracts.reports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's quality score from 0 to 100 and its grade A–E.
 *
 * @param components the measured parts (tests, coverage, findings, performance), each 0–1, that made the score
 * @param penalty    points taken off for tools that erred
 */
public record QualityScore(int value, String grade, Map<String, Double> components, int penalty) {

    public QualityScore {
        components = components == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }
}
