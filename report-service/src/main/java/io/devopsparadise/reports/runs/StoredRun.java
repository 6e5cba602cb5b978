package io.devopsparadise.reports.runs;

import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.reports.QualityScore;
import io.devopsparadise.contracts.reports.RunSummary;

/** A stored run: its summary, its score, and the whole result the orchestrator gave. */
public record StoredRun(RunSummary summary, QualityScore score, QualityRunResult result) {}
