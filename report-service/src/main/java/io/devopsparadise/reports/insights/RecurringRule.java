package io.devopsparadise.reports.insights;

import java.util.List;

/**
 * A rule that keeps being found.
 *
 * @param files        files it is found in by the newest run
 * @param directories  those files' directories, the most findings first (at most 5)
 * @param runsSeen     runs of the window that found it
 * @param perRun       its findings per run of the window, oldest first (runs that found none count 0)
 */
public record RecurringRule(
        String tool,
        String rule,
        int findings,
        int files,
        List<String> directories,
        int runsSeen,
        int windowRuns,
        List<Integer> perRun) {

    public RecurringRule {
        directories = List.copyOf(directories);
        perRun = List.copyOf(perRun);
    }
}
