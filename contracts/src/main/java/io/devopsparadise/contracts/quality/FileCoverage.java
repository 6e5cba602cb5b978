package io.devopsparadise.contracts.quality;

import java.util.Objects;

/** Line and branch coverage of one file. Branch counts are zero when the tool measured none. */
public record FileCoverage(String file, int linesCovered, int linesValid, int branchesCovered, int branchesValid) {

    public FileCoverage {
        Objects.requireNonNull(file, "file");
        if (linesCovered < 0 || linesCovered > linesValid || branchesCovered < 0 || branchesCovered > branchesValid) {
            throw new IllegalArgumentException("inconsistent coverage counts for " + file);
        }
    }

    public double lineRate() {
        return linesValid == 0 ? 1.0 : (double) linesCovered / linesValid;
    }
}
