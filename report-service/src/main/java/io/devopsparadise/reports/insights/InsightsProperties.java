package io.devopsparadise.reports.insights;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Insights from a client's stored runs ({@code paradise.reports.insights.*}).
 *
 * @param runs               how many of the client's newest runs flaky tests, recurring findings, debt trend and
 *                           performance regressions look at
 * @param remediationMinutes remediation effort per finding, by rule family (tool:RULE, tool:PREFIX, tool:SEVERITY or
 *                           SEVERITY; docs/insights.md has the table); entries here replace the table's
 * @param minutesPerLine     the estimated cost of developing one line of code, against which debt is a ratio (SonarQube's 30)
 */
@Validated
@ConfigurationProperties("paradise.reports.insights")
public record InsightsProperties(
        @DefaultValue("50") @Min(2) @Max(1000) int runs,
        Map<String, Integer> remediationMinutes,
        @DefaultValue("30") @Min(1) int minutesPerLine) {

    public InsightsProperties {
        remediationMinutes = remediationMinutes == null ? Map.of() : Map.copyOf(remediationMinutes);
    }
}
