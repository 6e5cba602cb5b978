package io.devopsparadise.reports.feed;

import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.reports.ReportProperties;
import io.devopsparadise.reports.input.InputRules;
import io.devopsparadise.reports.input.InvalidInputException;
import io.devopsparadise.reports.input.RunResults;
import io.devopsparadise.reports.live.LiveStream;
import io.devopsparadise.reports.render.Reports;
import io.devopsparadise.reports.runs.RunStore;
import io.devopsparadise.reports.runs.StoredRun;
import io.devopsparadise.reports.score.QualityScoreMetrics;
import io.devopsparadise.reports.usage.QualityUsageMetrics;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Stores a finished run once, writes its reports to the data directory, and tells the dashboard. */
@Service
public class RunIngestion {

    private static final Logger log = LoggerFactory.getLogger(RunIngestion.class);

    private final RunStore store;
    private final Reports reports;
    private final LiveStream live;
    private final JsonMapper json;
    private final ReportProperties properties;
    private final QualityScoreMetrics scoreMetrics;
    private final QualityUsageMetrics usageMetrics;

    RunIngestion(
            RunStore store,
            Reports reports,
            LiveStream live,
            JsonMapper json,
            ReportProperties properties,
            QualityScoreMetrics scoreMetrics,
            QualityUsageMetrics usageMetrics) {
        this.store = store;
        this.reports = reports;
        this.live = live;
        this.json = json;
        this.properties = properties;
        this.scoreMetrics = scoreMetrics;
        this.usageMetrics = usageMetrics;
    }

    /**
     * Reads a posted run, at most {@code paradise.reports.max-run-size} of it.
     *
     * @throws RunTooLargeException  when the body is larger
     * @throws InvalidInputException when it is not a quality run's result JSON
     */
    public QualityRunResult parse(InputStream body) {
        LimitedInputStream limited =
                new LimitedInputStream(body, properties.maxRunSize().toBytes());
        try {
            QualityRunResult run = json.readValue(limited, QualityRunResult.class);
            if (run == null) {
                throw new InvalidInputException("the body is empty; post a quality run's result JSON");
            }
            return run;
        } catch (JacksonException e) {
            if (limited.exceeded()) {
                throw RunTooLargeException.ofPostedRun(properties.maxRunSize());
            }
            throw new InvalidInputException(
                    "the body is not a quality run's result JSON: " + InputRules.echo(e.getOriginalMessage()));
        }
    }

    /** Writes a stored run's reports again when one is missing (writing them failed when the run was stored). */
    public void writeMissingReports(String runId) {
        if (!reports.allWritten(runId)) {
            store.find(runId).ifPresent(reports::write);
        }
    }

    /**
     * Stores the run and writes its reports in one transaction, so a run is never visible without its reports: when
     * writing them fails, the run is not stored and is tried again later. A run that breaks {@link RunResults}' rules is
     * refused with an {@link io.devopsparadise.reports.input.InvalidInputException}.
     *
     * @return the stored run, or empty when it was stored before
     */
    @Transactional
    public Optional<StoredRun> ingest(QualityRunResult result) {
        Optional<StoredRun> stored = store.store(RunResults.check(result));
        stored.ifPresent(run -> {
            var dir = reports.write(run);
            log.info(
                    "run stored run={} client={} state={} score={} grade={} reports={}",
                    run.summary().id(),
                    run.summary().clientId(),
                    run.summary().state(),
                    run.summary().score(),
                    run.summary().grade(),
                    dir);
            String event = json.writeValueAsString(Map.of(
                    "runId",
                    run.summary().id(),
                    "clientId",
                    run.summary().clientId(),
                    "workspace",
                    run.summary().workspace(),
                    "state",
                    run.summary().state(),
                    "score",
                    run.summary().score(),
                    "grade",
                    run.summary().grade()));
            // listeners fetch the run when they hear of it: tell them once it is committed
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    scoreMetrics.stored(run.summary());
                    usageMetrics.stored(run.result());
                    live.publish("run-stored", event);
                }
            });
        });
        return stored;
    }
}
