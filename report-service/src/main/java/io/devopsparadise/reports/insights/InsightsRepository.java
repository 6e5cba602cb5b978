package io.devopsparadise.reports.insights;

import io.devopsparadise.contracts.quality.Severity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The rows insights read: a client's window of runs, and their tests and findings aggregated in the database. */
@Repository
class InsightsRepository {

    /** Tests read for flakiness at most; a window with more rows is read partly (the newest runs' rows are not favoured). */
    static final int MAX_TEST_ROWS = 200_000;

    private final JdbcClient jdbc;

    InsightsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The client's newest {@code limit} runs started no later than {@code until}, oldest first. */
    List<WindowRun> window(String clientId, Instant until, int limit) {
        List<WindowRun> oldestFirst = new java.util.ArrayList<>(jdbc.sql("""
                        SELECT id, started_at, git_commit, performance_score, code_lines FROM runs
                        WHERE client_id = :client AND started_at <= :until ORDER BY started_at DESC, id DESC LIMIT :limit""")
                .param("client", clientId).param("until", Timestamp.from(until)).param("limit", limit)
                .query((rs, row) -> new WindowRun(rs.getString("id"), rs.getTimestamp("started_at").toInstant(), rs.getString("git_commit"),
                        (Double) rs.getObject("performance_score"), (Integer) rs.getObject("code_lines")))
                .list());
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** Every outcome (but skips) of the tests that failed, erred or were flaky in one of the runs. */
    List<TestRow> testsThatEverFailed(List<String> runIds) {
        return jdbc.sql("""
                        SELECT t.run_id, t.tool, COALESCE(t.suite, '') AS suite, t.name, t.status FROM run_tests t
                        WHERE t.run_id IN (:runs) AND t.status <> 'SKIPPED' AND EXISTS (
                            SELECT 1 FROM run_tests f WHERE f.run_id IN (:runs) AND f.status IN ('FAILED', 'ERROR', 'FLAKY')
                            AND f.tool = t.tool AND COALESCE(f.suite, '') = COALESCE(t.suite, '') AND f.name = t.name)
                        LIMIT :max""")
                .param("runs", runIds).param("max", MAX_TEST_ROWS)
                .query((rs, row) -> new TestRow(rs.getString("run_id"), rs.getString("tool"), rs.getString("suite"), rs.getString("name"),
                        rs.getString("status")))
                .list();
    }

    /** Judged findings (not advice) per run, tool, rule and severity. */
    List<FindingCount> findingCounts(List<String> runIds) {
        return jdbc.sql("""
                        SELECT run_id, tool, COALESCE(rule, '') AS rule, severity, COUNT(*) AS n FROM run_findings
                        WHERE run_id IN (:runs) AND advisory = FALSE GROUP BY run_id, tool, rule, severity""")
                .param("runs", runIds)
                .query((rs, row) -> new FindingCount(rs.getString("run_id"), rs.getString("tool"), rs.getString("rule"),
                        Severity.valueOf(rs.getString("severity")), rs.getInt("n")))
                .list();
    }

    /** One run's judged findings per tool, rule and file. */
    List<FindingFile> findingFiles(String runId) {
        return jdbc.sql("""
                        SELECT tool, COALESCE(rule, '') AS rule, COALESCE(file, '') AS file, COUNT(*) AS n FROM run_findings
                        WHERE run_id = :run AND advisory = FALSE GROUP BY tool, rule, file""")
                .param("run", runId)
                .query((rs, row) -> new FindingFile(rs.getString("tool"), rs.getString("rule"), rs.getString("file"), rs.getInt("n")))
                .list();
    }

    record WindowRun(String id, Instant startedAt, String gitCommit, Double performanceScore, Integer codeLines) {
    }

    record TestRow(String runId, String tool, String suite, String name, String status) {

        String key() {
            return tool + "\u0000" + suite + "\u0000" + name;
        }
    }

    record FindingCount(String runId, String tool, String rule, Severity severity, int count) {
    }

    record FindingFile(String tool, String rule, String file, int count) {
    }
}
