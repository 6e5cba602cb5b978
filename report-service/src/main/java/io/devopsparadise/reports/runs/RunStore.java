package io.devopsparadise.reports.runs;

import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.RunState;
import io.devopsparadise.contracts.quality.Severity;
import io.devopsparadise.contracts.quality.ToolDigest;
import io.devopsparadise.contracts.reports.Page;
import io.devopsparadise.contracts.reports.QualityScore;
import io.devopsparadise.contracts.reports.RunOverview;
import io.devopsparadise.contracts.reports.RunSummary;
import io.devopsparadise.reports.score.Scoring;
import io.devopsparadise.reports.usage.TestTimeSaved;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The run history in the embedded database: one row per finished run, its summary in columns, its result as JSON. */
@Repository
public class RunStore {

    private final JdbcClient jdbc;
    private final RunItems items;
    private final JsonMapper json;
    private final Clock clock;

    RunStore(JdbcClient jdbc, RunItems items, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.items = items;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Stores a finished run once; a run already stored is left as it is.
     *
     * @return the stored run, or empty when it was already there
     */
    @Transactional
    public Optional<StoredRun> store(QualityRunResult result) {
        if (!result.state().isFinished()) {
            throw new IllegalArgumentException(
                    "run " + result.id() + " is " + result.state() + "; only finished runs are stored");
        }
        if (contains(result.id())) {
            return Optional.empty();
        }
        RunSummary unscored = RunSummary.of(result);
        QualityScore score = Scoring.of(result, unscored);
        RunSummary summary = unscored.scored(score.value(), score.grade());
        try {
            jdbc.sql("""
                    INSERT INTO runs (id, client_id, workspace, profile, state, started_at, finished_at, duration_ms, git_commit, git_branch,
                        tests_total, tests_failed, tests_skipped, line_rate, branch_rate, findings_critical, findings_high,
                        findings_medium, findings_low, findings_info, advisory_findings, performance_score, score, grade, verdict, result, tools, stored_at,
                        baseline_run_id, new_findings, new_failures, fingerprinted, code_lines, performance_metrics, test_time_saved_ms)
                    VALUES (:id, :client, :workspace, :profile, :state, :started, :finished, :duration, :commit, :branch,
                        :total, :failed, :skipped, :lineRate, :branchRate, :critical, :high, :medium, :low, :info, :advisory, :performance,
                        :score, :grade, :verdict, :result, :tools, :stored, :baseline, :newFindings, :newFailures, :fingerprinted, :codeLines, :metrics,
                        :saved)""")
                    .param("id", summary.id())
                    .param("client", summary.clientId())
                    .param("workspace", summary.workspace())
                    .param("profile", summary.profile())
                    .param("state", summary.state().name())
                    .param("started", timestamp(summary.startedAt()))
                    .param("finished", timestamp(summary.finishedAt()))
                    .param("duration", summary.durationMillis())
                    .param("commit", summary.gitCommit())
                    .param("branch", summary.gitBranch())
                    .param("total", summary.testsTotal())
                    .param("failed", summary.testsFailed())
                    .param("skipped", summary.testsSkipped())
                    .param("lineRate", summary.lineRate())
                    .param("branchRate", summary.branchRate())
                    .param("critical", summary.findings().get(Severity.CRITICAL))
                    .param("high", summary.findings().get(Severity.HIGH))
                    .param("medium", summary.findings().get(Severity.MEDIUM))
                    .param("low", summary.findings().get(Severity.LOW))
                    .param("info", summary.findings().get(Severity.INFO))
                    .param("advisory", summary.advisoryFindings())
                    .param("performance", summary.performanceScore())
                    .param("score", summary.score())
                    .param("grade", summary.grade())
                    .param("verdict", summary.verdict())
                    .param("result", json.writeValueAsString(result))
                    .param("stored", timestamp(clock.instant()))
                    .param("baseline", summary.baselineRunId())
                    .param("newFindings", summary.newFindings())
                    .param("newFailures", summary.newFailures())
                    .param(
                            "fingerprinted",
                            result.tools().stream()
                                    .flatMap(t -> t.findings().stream())
                                    .allMatch(f -> f.fingerprint() != null))
                    .param("codeLines", codeLines(result))
                    .param(
                            "metrics",
                            result.tools().stream()
                                    .map(io.devopsparadise.contracts.quality.ToolOutcome::performance)
                                    .filter(java.util.Objects::nonNull)
                                    .findFirst()
                                    .map(p -> json.writeValueAsString(p.metrics()))
                                    .orElse(null))
                    .param("saved", TestTimeSaved.of(result))
                    .param(
                            "tools",
                            json.writeValueAsString(
                                    result.tools().stream().map(ToolDigest::of).toList()))
                    .update();
            items.insert(result);
        } catch (DuplicateKeyException raced) {
            return Optional.empty();
        }
        return Optional.of(new StoredRun(summary, score, result));
    }

    /** The lines the run's coverage tools measured; null when none measured any. */
    private static Integer codeLines(QualityRunResult result) {
        var files = result.tools().stream()
                .map(io.devopsparadise.contracts.quality.ToolOutcome::coverage)
                .filter(java.util.Objects::nonNull)
                .flatMap(c -> c.files().stream())
                .toList();
        return files.isEmpty()
                ? null
                : files.stream()
                        .mapToInt(io.devopsparadise.contracts.quality.FileCoverage::linesValid)
                        .sum();
    }

    public boolean contains(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM runs WHERE id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** A run's summary and its tools' counts, without reading its whole result. */
    public Optional<RunOverview> overview(String id) {
        return jdbc.sql("SELECT * FROM runs WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> {
                    String tools = rs.getString("tools");
                    RunSummary summary = summary(rs);
                    List<ToolDigest> overview = tools != null
                            ? json.readValue(tools, new TypeReference<List<ToolDigest>>() {})
                            : json.readValue(rs.getString("result"), QualityRunResult.class).tools().stream()
                                    .map(ToolDigest::of)
                                    .toList();
                    return new RunOverview(summary, Scoring.of(summary, overview), overview);
                })
                .optional();
    }

    /** A run's whole result as the JSON it was stored as, without parsing it. */
    public Optional<String> resultJson(String id) {
        return jdbc.sql("SELECT result FROM runs WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    public Optional<StoredRun> find(String id) {
        return jdbc.sql("SELECT * FROM runs WHERE id = :id")
                .param("id", id)
                .query(this::storedRun)
                .optional();
    }

    /**
     * The latest stored run of a client and workspace that a new run of a profile is compared with: one that finished
     * (PASSED or FAILED, never cancelled or erred) with the same profile and fingerprinted findings, on a branch, at a
     * commit (a prefix of its id), or whatever its branch when both are null.
     */
    public Optional<RunSummary> latest(
            String clientId, String workspace, String profile, String branch, String commit) {
        return jdbc.sql("""
                        SELECT * FROM runs WHERE client_id = :client AND workspace = :workspace AND fingerprinted = TRUE
                          AND state IN ('PASSED', 'FAILED') AND profile = :profile
                          AND (CAST(:branch AS VARCHAR) IS NULL OR git_branch = :branch)
                          AND (CAST(:commit AS VARCHAR) IS NULL OR git_commit LIKE :commit)
                        ORDER BY started_at DESC, id LIMIT 1""")
                .param("client", clientId)
                .param("workspace", workspace)
                .param("profile", profile)
                .param("branch", branch)
                .param("commit", commit == null ? null : commit + "%")
                .query((rs, row) -> summary(rs))
                .optional();
    }

    /** Runs matching the query, newest first: a page of summaries and how many match in all. */
    public Page<RunSummary> list(RunQuery query, int offset) {
        StringBuilder sql = new StringBuilder("SELECT * FROM runs WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        condition(sql, params, "client_id", "client", query.clientId());
        condition(sql, params, "workspace", "workspace", query.workspace());
        condition(
                sql,
                params,
                "state",
                "state",
                query.state() == null ? null : query.state().name());
        condition(sql, params, "git_branch", "branch", query.branch());
        if (query.since() != null) {
            sql.append(" AND started_at >= :since");
            params.put("since", timestamp(query.since()));
        }
        long total = jdbc.sql(sql.toString().replace("SELECT *", "SELECT COUNT(*)"))
                .params(params)
                .query(Long.class)
                .single();
        sql.append(" ORDER BY started_at DESC, id LIMIT ")
                .append(query.limit())
                .append(" OFFSET ")
                .append(offset);
        return new Page<>(
                jdbc.sql(sql.toString())
                        .params(params)
                        .query((rs, row) -> summary(rs))
                        .list(),
                total,
                offset,
                query.limit());
    }

    /**
     * The latest {@code window} runs of one client and workspace started up to {@code until} (null: all), oldest first:
     * a trend's points.
     */
    public List<RunSummary> history(String clientId, String workspace, Instant until, int window) {
        List<RunSummary> newestFirst = jdbc.sql("""
                        SELECT * FROM runs WHERE client_id = :client AND workspace = :workspace
                          AND (CAST(:until AS TIMESTAMP WITH TIME ZONE) IS NULL OR started_at <= :until)
                        ORDER BY started_at DESC, id LIMIT :window""")
                .param("client", clientId)
                .param("workspace", workspace)
                .param("until", timestamp(until))
                .param("window", window)
                .query((rs, row) -> summary(rs))
                .list();
        List<RunSummary> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private static void condition(
            StringBuilder sql, Map<String, Object> params, String column, String name, Object value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }

    private StoredRun storedRun(ResultSet rs, int row) throws SQLException {
        RunSummary summary = summary(rs);
        QualityRunResult result = json.readValue(rs.getString("result"), QualityRunResult.class);
        return new StoredRun(summary, Scoring.of(result, summary), result);
    }

    private static RunSummary summary(ResultSet rs) throws SQLException {
        Map<Severity, Integer> findings = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            findings.put(severity, rs.getInt("findings_" + severity.name().toLowerCase(Locale.ROOT)));
        }
        return new RunSummary(
                rs.getString("id"),
                rs.getString("client_id"),
                rs.getString("workspace"),
                rs.getString("profile"),
                RunState.valueOf(rs.getString("state")),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                rs.getLong("duration_ms"),
                rs.getString("git_commit"),
                rs.getString("git_branch"),
                rs.getInt("tests_total"),
                rs.getInt("tests_failed"),
                rs.getInt("tests_skipped"),
                nullableDouble(rs, "line_rate"),
                nullableDouble(rs, "branch_rate"),
                findings,
                rs.getInt("advisory_findings"),
                nullableDouble(rs, "performance_score"),
                rs.getInt("score"),
                rs.getString("grade"),
                rs.getString("verdict"),
                rs.getString("baseline_run_id"),
                rs.getInt("new_findings"),
                rs.getInt("new_failures"));
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
