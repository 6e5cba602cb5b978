package io.devopsparadise.contracts.quality;

import java.util.List;

/**
 * Coverage of the lines a change added or modified since the baseline's commit, counted over the lines a coverage
 * tool measured (blank lines, comments and docstrings are not measured).
 *
 * @param uncovered changed lines no test ran, per file (at most a few hundred)
 */
public record ChangedLinesCoverage(String baseCommit, int lines, int covered, List<FileLines> uncovered) {

    public ChangedLinesCoverage {
        uncovered = uncovered == null ? List.of() : List.copyOf(uncovered);
    }

    /** Covered over measured changed lines; null when the change touched no measured line. */
    public Double rate() {
        return lines == 0 ? null : (double) covered / lines;
    }

    public record FileLines(String file, List<Integer> lines) {

        public FileLines {
            lines = List.copyOf(lines);
        }
    }
}
