package io.devopsparadise.reports;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the report-service ({@code paradise.reports.*}).
 *
 * @param home               the data directory: the database under report-service/, reports under reports/
 * @param orchestratorUrl    the quality-orchestrator, whose finished runs are stored and whose progress is relayed
 * @param instanceManagerUrl the instance-manager, whose health events are relayed
 * @param trendWindow        how many earlier runs trends and report charts show
 * @param maxRunSize         the largest run result (its JSON) that is fetched from the orchestrator and stored; a larger
 *                           run is recorded as a storage failure that names this setting
 * @param retryBackoff       the first wait before a run that could not be stored is tried again; it doubles up to an hour
 */
@Validated
@ConfigurationProperties("paradise.reports")
public record ReportProperties(
        @NotNull Path home,
        @NotNull URI orchestratorUrl,
        @NotNull URI instanceManagerUrl,
        @DefaultValue("30") @Min(2) int trendWindow,
        @DefaultValue("256MB") DataSize maxRunSize,
        @DefaultValue("30s") Duration retryBackoff) {

    /** Where rendered reports are written: reports/&lt;client&gt;/&lt;run id&gt;/report.&lt;ext&gt;. */
    public Path reportsDir() {
        return home.resolve("reports");
    }
}
