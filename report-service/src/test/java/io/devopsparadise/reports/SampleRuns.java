package io.devopsparadise.reports;

import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.reports.score.QualityScore;
import io.devopsparadise.reports.score.Scoring;
import io.devopsparadise.reports.store.RunSummary;
import io.devopsparadise.reports.store.StoredRun;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The two sample runs in src/test/resources/runs (a standard run, then a comprehensive one of the same workspace). */
public final class SampleRuns {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SampleRuns() {
    }

    public static QualityRunResult result(String name) {
        try (InputStream in = SampleRuns.class.getResourceAsStream("/runs/" + name + ".json")) {
            return JSON.readValue(in, QualityRunResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A run as the store keeps it: summarized and scored. */
    public static StoredRun stored(String name) {
        QualityRunResult result = result(name);
        RunSummary summary = RunSummary.of(result);
        QualityScore score = Scoring.of(result, summary);
        return new StoredRun(summary.scored(score.value(), score.grade()), score, result);
    }
}
