package io.devopsparadise.quality.insights;

import java.util.List;

/**
 * The uncovered changed lines of the client's latest stored run, by function, each with where its test most likely goes.
 *
 * @param latestRun  the run read; null when there is none
 * @param why        why there are no gaps to list, when there are none (no run, no baseline commit, no coverage)
 */
public record CoverageGapsAnswer(
        String clientId,
        String latestRun,
        String baseCommit,
        int changedLines,
        int covered,
        String why,
        List<CoverageGap> gaps) {

    public CoverageGapsAnswer {
        gaps = List.copyOf(gaps);
    }
}
