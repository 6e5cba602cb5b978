package io.devopsparadise.reports.insights;

import io.devopsparadise.contracts.quality.Severity;
import io.devopsparadise.contracts.quality.TestStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows insights read: a client's window of runs, and their tests and findings aggregated in the database. */
@Repository
class InsightsRepository {

    /** Tests that failed somewhere in the window whose history is read; more are left out (a suite failing wholesale is not flaky). */
    static final int MAX_CANDIDATES = 200;

    private final JdbcClient jdbc;

    InsightsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The client's newest {@code limit} runs started no later than {@code until}, oldest first. */
    List<WindowRun> window(String clientId, Instant until, int limit) {
        List<WindowRun> oldestFirst = new java.util.ArrayList<>(jdbc.sql("""
                        SELECT id, started_at, git_commit, performance_score, performance_metrics, code_lines FROM runs
                        WHERE client_id = :client AND started_at <= :until ORDER BY started_at DESC, id DESC LIMIT :limit""")
                .param("client", clientId)
                // the column keeps microseconds, rounded: a run's own start, to the nanosecond, may be stored a
                // microsecond later
                .param("until", Timestamp.from(until.plusNanos(1_000)))
                .param("limit", limit)
                .query((rs, row) -> new WindowRun(
                        rs.getString("id"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getString("git_commit"),
                        (Double) rs.getObject("performance_score"),
                        metrics(rs.getString("performance_metrics")),
                        (Integer) rs.getObject("code_lines")))
                .list());
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /**
     * Every outcome (but skips) of the tests that failed, erred or were flaky in one of the runs, the first
     * {@value #MAX_CANDIDATES} such tests: found per run by status (indexed), then each one's outcomes by its name (indexed),
     * never by comparing every test of a run with every other.
     */
    List<TestRow> testsThatEverFailed(List<String> runIds) {
        List<TestRow> candidates = jdbc.sql("""
                        SELECT DISTINCT tool, COALESCE(suite, '') AS suite, name FROM run_tests
                        WHERE run_id IN (:runs) AND status IN ('FAILED', 'ERROR', 'FLAKY') LIMIT :max""")
                .param("runs", runIds)
                .param("max", MAX_CANDIDATES)
                .query((rs, row) ->
                        new TestRow(null, rs.getString("tool"), rs.getString("suite"), rs.getString("name"), null))
                .list();
        List<TestRow> outcomes = new java.util.ArrayList<>();
        for (TestRow test : candidates) {
            outcomes.addAll(jdbc.sql("""
                            SELECT run_id, status FROM run_tests WHERE name = :name AND run_id IN (:runs) AND tool = :tool
                            AND COALESCE(suite, '') = :suite AND status <> 'SKIPPED'""")
                    .param("name", test.name())
                    .param("runs", runIds)
                    .param("tool", test.tool())
                    .param("suite", test.suite())
                    .query((rs, row) -> new TestRow(
                            rs.getString("run_id"),
                            test.tool(),
                            test.suite(),
                            test.name(),
                            TestStatus.valueOf(rs.getString("status"))))
                    .list());
        }
        return outcomes;
    }

    /** Judged findings (not advice) per run, tool, rule and severity. */
    List<FindingCount> findingCounts(List<String> runIds) {
        return jdbc.sql("""
                        SELECT run_id, tool, COALESCE(rule, '') AS rule, severity, COUNT(*) AS n FROM run_findings
                        WHERE run_id IN (:runs) AND advisory = FALSE GROUP BY run_id, tool, rule, severity""")
                .param("runs", runIds)
                .query((rs, row) -> new FindingCount(
                        rs.getString("run_id"),
                        rs.getString("tool"),
                        rs.getString("rule"),
                        Severity.valueOf(rs.getString("severity")),
                        rs.getInt("n")))
                .list();
    }

    /** One run's judged findings per tool, rule and file. */
    List<FindingFile> findingFiles(String runId) {
        return jdbc.sql("""
                        SELECT tool, COALESCE(rule, '') AS rule, COALESCE(file, '') AS file, COUNT(*) AS n FROM run_findings
                        WHERE run_id = :run AND advisory = FALSE GROUP BY tool, rule, file""")
                .param("run", runId)
                .query((rs, row) -> new FindingFile(
                        rs.getString("tool"), rs.getString("rule"), rs.getString("file"), rs.getInt("n")))
                .list();
    }

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    /** The stored metrics object; empty when the run audited none or the text does not read. */
    private static java.util.Map<String, Double> metrics(String json) {
        if (json == null) {
            return java.util.Map.of();
        }
        try {
            java.util.Map<String, Double> metrics = new java.util.TreeMap<>();
            JSON.readTree(json).properties().forEach(e -> {
                if (e.getValue().isNumber()) {
                    metrics.put(e.getKey(), e.getValue().asDouble());
                }
            });
            return metrics;
        } catch (tools.jackson.core.JacksonException unreadable) {
            return java.util.Map.of();
        }
    }

    /** @param metrics Lighthouse's lab metrics by audit id (milliseconds; cumulative-layout-shift unitless); empty without an audit */
    record WindowRun(
            String id,
            Instant startedAt,
            String gitCommit,
            Double performanceScore,
            java.util.Map<String, Double> metrics,
            Integer codeLines) {}

    record TestRow(String runId, String tool, String suite, String name, TestStatus status) {

        String key() {
            return tool + "\u0000" + suite + "\u0000" + name;
        }
    }

    record FindingCount(String runId, String tool, String rule, Severity severity, int count) {}

    record FindingFile(String tool, String rule, String file, int count) {}
}
