package io.devopsparadise.quality.insights.hotspots;

import io.devopsparadise.contracts.quality.FileCoverage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Line coverage per workspace file from a coverage report's files, whose names are relative to the workspace or to a
 * source directory inside it: a name matches a file that is it, or that ends with "/" and it when only one file does.
 */
public final class CoverageByFile {

    private CoverageByFile() {}

    public static Map<String, Double> percent(List<FileCoverage> measured, Iterable<String> workspaceFiles) {
        Map<String, FileCoverage> byName = new HashMap<>();
        measured.forEach(c -> byName.put(c.file().startsWith("./") ? c.file().substring(2) : c.file(), c));
        Map<String, Double> percent = new HashMap<>();
        for (String file : workspaceFiles) {
            FileCoverage exact = byName.get(file);
            if (exact != null) {
                percent.put(file, exact.lineRate() * 100);
                continue;
            }
            List<FileCoverage> suffixes = byName.entrySet().stream()
                    .filter(e -> file.endsWith("/" + e.getKey()))
                    .map(Map.Entry::getValue)
                    .toList();
            if (suffixes.size() == 1) {
                percent.put(file, suffixes.get(0).lineRate() * 100);
            }
        }
        return percent;
    }
}
