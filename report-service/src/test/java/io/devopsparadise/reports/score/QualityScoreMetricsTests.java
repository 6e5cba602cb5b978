package io.devopsparadise.reports.score;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.contracts.reports.RunSummary;
import io.devopsparadise.reports.SampleRuns;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The score gauges on a real (in-memory H2) run store with the service's own migrations. */
class QualityScoreMetricsTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private QualityScoreMetrics metrics;

    @BeforeEach
    void emptyStore() {
        JdbcDataSource store = new JdbcDataSource();
        store.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(store).load().migrate();
        metrics = new QualityScoreMetrics(meters, JdbcClient.create(store));
    }

    @Test
    void theChangeIsTheLatestFinishedScoreMinusTheOneBefore() {
        RunSummary run = SampleRuns.stored("current").summary();

        metrics.stored(run.scored(90, "A"));
        metrics.stored(run.scored(75, "C"));

        assertThat(gauge("paradise.quality.score", run)).isEqualTo(75.0);
        assertThat(gauge("paradise.quality.score.change", run)).isEqualTo(-15.0);
    }

    @Test
    void aFirstRunHasNoChange() {
        RunSummary run = SampleRuns.stored("current").summary();

        metrics.stored(run.scored(60, "D"));

        assertThat(gauge("paradise.quality.score.change", run)).isZero();
    }

    @Test
    void aRunStoredLateThatFinishedBeforeTheLatestChangesNothing() {
        RunSummary run = SampleRuns.stored("current").summary();
        RunSummary older = finishedAt(run, run.finishedAt().minusSeconds(3_600));

        metrics.stored(run.scored(90, "A"));
        metrics.stored(run.scored(80, "B"));
        metrics.stored(older.scored(20, "E"));

        assertThat(gauge("paradise.quality.score", run)).isEqualTo(80.0);
        assertThat(gauge("paradise.quality.score.change", run)).isEqualTo(-10.0);
    }

    private static RunSummary finishedAt(RunSummary r, java.time.Instant at) {
        return new RunSummary(
                r.id(),
                r.clientId(),
                r.workspace(),
                r.profile(),
                r.state(),
                r.startedAt(),
                at,
                r.durationMillis(),
                r.gitCommit(),
                r.gitBranch(),
                r.testsTotal(),
                r.testsFailed(),
                r.testsSkipped(),
                r.lineRate(),
                r.branchRate(),
                r.findings(),
                r.advisoryFindings(),
                r.performanceScore(),
                r.score(),
                r.grade(),
                r.verdict(),
                r.baselineRunId(),
                r.newFindings(),
                r.newFailures());
    }

    private double gauge(String name, RunSummary run) {
        return meters.get(name)
                .tags("client", run.clientId(), "profile", run.profile())
                .gauge()
                .value();
    }
}
