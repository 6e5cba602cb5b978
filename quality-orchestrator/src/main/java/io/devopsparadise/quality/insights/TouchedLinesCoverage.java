package io.devopsparadise.quality.insights;

import io.devopsparadise.contracts.quality.ChangedLinesCoverage;
import io.devopsparadise.contracts.quality.QualityRunResult;
import java.util.Optional;

/**
 * How much of a working tree's changed lines the latest stored run's tests ran: evidence beside the risk, not a factor of
 * the model (the history holds no coverage to learn its weight from). Known only when that run was on the commit the
 * working tree is on; the tree may have changed since the run, which {@code runStartedAt} lets the reader judge.
 *
 * @param baseCommit the commit the run's changed lines were counted from (the baseline run's, or HEAD)
 * @param lines      changed lines the coverage measured
 * @param covered    of those, the lines a test ran
 * @param percent    covered over lines, 0 to 100; null when no measured line changed
 */
public record TouchedLinesCoverage(
        String runId, String runStartedAt, String baseCommit, int lines, int covered, Double percent) {

    static Optional<TouchedLinesCoverage> of(Optional<QualityRunResult> latest, String head) {
        return latest.filter(run -> run.changedLinesCoverage() != null && head != null && head.equals(run.gitCommit()))
                .map(run -> {
                    ChangedLinesCoverage changed = run.changedLinesCoverage();
                    Double percent = changed.rate() == null ? null : Math.round(changed.rate() * 1000) / 10.0;
                    return new TouchedLinesCoverage(
                            run.id(),
                            String.valueOf(run.startedAt()),
                            changed.baseCommit(),
                            changed.lines(),
                            changed.covered(),
                            percent);
                });
    }
}
