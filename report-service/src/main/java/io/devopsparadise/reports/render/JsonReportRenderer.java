package io.devopsparadise.reports.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.devopsparadise.contracts.quality.RunState;
import io.devopsparadise.contracts.quality.SemanticAnalysis;
import io.devopsparadise.contracts.quality.Severity;
import io.devopsparadise.contracts.quality.TestPlan;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.reports.QualityScore;
import io.devopsparadise.contracts.reports.RunSummary;
import io.devopsparadise.contracts.reports.TrendPoint;
import io.devopsparadise.reports.insights.ClientInsights;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON report, schema version {@value #SCHEMA_VERSION}: described by {@code /schemas/run-report-1.0.schema.json}
 * (served by the report-service) and docs/report-service.md. Fields are only ever added within a major version.
 */
@Component
public class JsonReportRenderer implements ReportRenderer {

    public static final String SCHEMA_VERSION = "1.0";

    private final JsonMapper json = JsonMapper.builder()
            .addMixIn(ToolOutcome.class, CachedOnlyWhenReused.class)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    @Override
    public ReportFormat format() {
        return ReportFormat.JSON;
    }

    @Override
    public String render(ReportModel model) {
        RunSummary summary = model.run().summary();
        List<TestPlan> plans = model.run().result().plans();
        Report report = new Report(
                SCHEMA_VERSION,
                new Run(
                        summary.id(),
                        summary.clientId(),
                        summary.workspace(),
                        summary.profile(),
                        summary.state(),
                        summary.startedAt(),
                        summary.finishedAt(),
                        summary.durationMillis(),
                        summary.gitCommit() == null ? null : new Git(summary.gitCommit(), summary.gitBranch()),
                        summary.verdict()),
                model.run().score(),
                new Summary(
                        new Tests(
                                summary.testsTotal(),
                                summary.testsFailed(),
                                summary.testsSkipped(),
                                summary.passRate()),
                        summary.lineRate() == null ? null : new Coverage(summary.lineRate(), summary.branchRate()),
                        summary.findings(),
                        summary.performanceScore()),
                model.tools(),
                model.trend(),
                model.run().result().semantic(),
                plans.isEmpty() ? null : plans,
                model.insights());
        return json.writeValueAsString(report) + "\n";
    }

    /**
     * {@code semantic}: the code backend's view of the run's code (changed symbols, references, overview); absent without one.
     * {@code plans}: the test plans of its test tools, whole; absent when no test tool had a plan.
     * {@code insights}: the client's flaky tests, recurring rules, debt and performance regressions as of the run (docs/insights.md).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Report(
            String schemaVersion,
            Run run,
            QualityScore score,
            Summary summary,
            List<ToolOutcome> tools,
            List<TrendPoint> trend,
            SemanticAnalysis semantic,
            List<TestPlan> plans,
            ClientInsights insights) {}

    /** A tool's {@code cachedFrom} is written only for a reused result: reports of runs before reuse existed stay as they were. */
    interface CachedOnlyWhenReused {

        @JsonInclude(JsonInclude.Include.NON_NULL)
        String cachedFrom();
    }

    record Run(
            String id,
            String clientId,
            String workspace,
            String profile,
            RunState state,
            Instant startedAt,
            Instant finishedAt,
            long durationMillis,
            Git git,
            String verdict) {}

    record Git(String commit, String branch) {}

    record Summary(Tests tests, Coverage coverage, Map<Severity, Integer> findings, Double performanceScore) {}

    record Tests(int total, int failed, int skipped, Double passRate) {}

    record Coverage(double lineRate, double branchRate) {}
}
