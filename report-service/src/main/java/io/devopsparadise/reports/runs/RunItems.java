package io.devopsparadise.reports.runs;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.Severity;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.TestStatus;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.reports.FindingItem;
import io.devopsparadise.contracts.reports.Page;
import io.devopsparadise.contracts.reports.TestItem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A stored run's test cases and findings as rows, paged by filters, so that no view loads a whole result. */
@Repository
public class RunItems {

    private static final int BATCH = 1_000;

    private final JdbcTemplate template;
    private final JdbcClient jdbc;

    RunItems(JdbcTemplate template, JdbcClient jdbc) {
        this.template = template;
        this.jdbc = jdbc;
    }

    /** Writes the run's tests and findings, a batch at a time; called inside the transaction that stores the run. */
    void insert(QualityRunResult run) {
        Batches tests = new Batches(
                "INSERT INTO run_tests (run_id, ordinal, tool, suite, name, file, status, duration_s, message, introduced)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        Batches findings = new Batches(
                "INSERT INTO run_findings (run_id, ordinal, tool, rule, severity, file, line, message, advisory,"
                        + " fingerprint, introduced) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        for (ToolOutcome tool : run.tools()) {
            for (TestCaseResult test : tool.tests()) {
                tests.add(new Object[] {
                    run.id(),
                    tests.count,
                    cut(tool.tool(), 100),
                    cut(test.suite(), 2000),
                    cut(test.name(), 4000),
                    cut(test.file(), 4000),
                    test.status().name(),
                    test.durationSeconds(),
                    test.failureMessage(),
                    test.introduced()
                });
            }
            for (Finding finding : tool.findings()) {
                findings.add(new Object[] {
                    run.id(),
                    findings.count,
                    cut(finding.tool(), 100),
                    cut(finding.rule(), 400),
                    finding.severity().name(),
                    cut(finding.file(), 4000),
                    finding.line(),
                    finding.message(),
                    tool.advisory(),
                    cut(finding.fingerprint(), 64),
                    finding.introduced()
                });
            }
        }
        tests.flush();
        findings.flush();
    }

    /** Names and paths come from the tested repository's reports: cut to the column's size rather than fail the run. */
    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Rows written a batch at a time, so a run with a million tests never holds a million rows to insert. */
    private final class Batches {
        private final String sql;
        private final List<Object[]> rows = new ArrayList<>();
        private int count;

        Batches(String sql) {
            this.sql = sql;
        }

        void add(Object[] row) {
            rows.add(row);
            count++;
            if (rows.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (!rows.isEmpty()) {
                template.batchUpdate(sql, rows);
                rows.clear();
            }
        }
    }

    /** Test cases of a run in report order; of one status when status is not null (FAILED also takes ERROR). */
    public Page<TestItem> tests(String runId, TestStatus status, String tool, int offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(runId, tool, params);
        if (status == TestStatus.FAILED) {
            where += " AND status IN ('FAILED', 'ERROR')";
        } else if (status != null) {
            where += " AND status = :status";
            params.put("status", status.name());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM run_tests" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<TestItem> items = jdbc.sql(
                        "SELECT * FROM run_tests" + where + " ORDER BY ordinal LIMIT " + limit + " OFFSET " + offset)
                .params(params)
                .query((rs, row) -> new TestItem(rs.getString("tool"), test(rs)))
                .list();
        return new Page<>(items, total, offset, limit);
    }

    /** Findings of a run, most severe first; judged or advisory ones only when advisory is not null. */
    public Page<FindingItem> findings(
            String runId, Severity severity, String tool, Boolean advisory, Boolean introduced, int offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(runId, tool, params);
        if (severity != null) {
            where += " AND severity = :severity";
            params.put("severity", severity.name());
        }
        if (advisory != null) {
            where += " AND advisory = :advisory";
            params.put("advisory", advisory);
        }
        if (introduced != null) {
            where += introduced ? " AND introduced = TRUE" : " AND (introduced = FALSE OR introduced IS NULL)";
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM run_findings" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<FindingItem> items = jdbc.sql("SELECT * FROM run_findings" + where
                        + " ORDER BY CASE severity WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3 ELSE 4 END,"
                        + " ordinal LIMIT " + limit + " OFFSET " + offset)
                .params(params)
                .query((rs, row) -> new FindingItem(finding(rs), rs.getBoolean("advisory")))
                .list();
        return new Page<>(items, total, offset, limit);
    }

    /** Every test case of a run in report order with its tool, one row at a time: nothing holds them all. */
    public void eachTest(String runId, BiConsumer<String, TestCaseResult> each) {
        jdbc.sql("SELECT * FROM run_tests WHERE run_id = :run ORDER BY ordinal")
                .param("run", runId)
                .query((RowCallbackHandler) rs -> each.accept(rs.getString("tool"), test(rs)));
    }

    /** Every finding of a run in report order, one row at a time. */
    public void eachFinding(String runId, Consumer<Finding> each) {
        jdbc.sql("SELECT * FROM run_findings WHERE run_id = :run ORDER BY ordinal")
                .param("run", runId)
                .query((RowCallbackHandler) rs -> each.accept(finding(rs)));
    }

    /** How often each finding fingerprint occurs in a run: what a later run's findings are matched against. */
    public Map<String, Integer> fingerprints(String runId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql(
                        "SELECT fingerprint, COUNT(*) AS n FROM run_findings WHERE run_id = :run AND fingerprint IS NOT NULL GROUP BY fingerprint")
                .param("run", runId)
                .query(rs -> {
                    counts.put(rs.getString("fingerprint"), rs.getInt("n"));
                });
        return counts;
    }

    /** A run's failing tests as "tool suite › name". */
    public List<String> failingTests(String runId) {
        return jdbc.sql(
                        "SELECT tool, suite, name FROM run_tests WHERE run_id = :run AND status IN ('FAILED', 'ERROR') ORDER BY ordinal")
                .param("run", runId)
                .query((rs, row) -> rs.getString("tool") + " "
                        + new TestCaseResult(
                                        rs.getString("suite"), rs.getString("name"), null, TestStatus.FAILED, 0, null)
                                .key())
                .list();
    }

    private static TestCaseResult test(ResultSet rs) throws SQLException {
        return new TestCaseResult(
                rs.getString("suite"),
                rs.getString("name"),
                rs.getString("file"),
                TestStatus.valueOf(rs.getString("status")),
                rs.getDouble("duration_s"),
                rs.getString("message"),
                nullableBoolean(rs, "introduced"));
    }

    private static Finding finding(ResultSet rs) throws SQLException {
        return new Finding(
                rs.getString("tool"),
                rs.getString("rule"),
                Severity.valueOf(rs.getString("severity")),
                rs.getString("file"),
                rs.getInt("line"),
                rs.getString("message"),
                rs.getString("fingerprint"),
                nullableBoolean(rs, "introduced"));
    }

    private static Boolean nullableBoolean(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    private static String where(String runId, String tool, Map<String, Object> params) {
        params.put("run", runId);
        if (tool == null) {
            return " WHERE run_id = :run";
        }
        params.put("tool", tool);
        return " WHERE run_id = :run AND tool = :tool";
    }
}
