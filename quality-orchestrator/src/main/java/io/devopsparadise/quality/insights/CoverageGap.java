package io.devopsparadise.quality.insights;

import java.util.List;

/**
 * Changed lines no test ran, grouped by the function they are in.
 *
 * @param function  the function or method; null for lines outside any (module or class statements)
 * @param testFile  the test file most likely to hold its test; null when neither the impact map nor naming finds one
 * @param how       how the test file was found: "impact map: …" or "naming: …"
 */
public record CoverageGap(String file, String function, List<Integer> lines, String testFile, String how) {

    public CoverageGap {
        lines = List.copyOf(lines);
    }
}
