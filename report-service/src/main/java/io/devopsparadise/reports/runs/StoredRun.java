package io.devopsparadise.reports.runs;

import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.reports.score.QualityScore;

/** A stored run: its summary, its score, and the whole result the orchestrator gave. */
public record StoredRun(RunSummary summary, QualityScore score, QualityRunResult result) {
}
