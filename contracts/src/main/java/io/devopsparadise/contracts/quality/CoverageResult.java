package io.devopsparadise.contracts.quality;

import java.util.List;

/** Coverage per file and in total. */
public record CoverageResult(List<FileCoverage> files) {

    public CoverageResult {
        files = List.copyOf(files);
    }

    public int linesCovered() {
        return files.stream().mapToInt(FileCoverage::linesCovered).sum();
    }

    public int linesValid() {
        return files.stream().mapToInt(FileCoverage::linesValid).sum();
    }

    public double lineRate() {
        return linesValid() == 0 ? 1.0 : (double) linesCovered() / linesValid();
    }

    public double branchRate() {
        int valid = files.stream().mapToInt(FileCoverage::branchesValid).sum();
        return valid == 0
                ? 1.0
                : (double) files.stream()
                                .mapToInt(FileCoverage::branchesCovered)
                                .sum()
                        / valid;
    }
}
