package io.devopsparadise.quality.profiles;

import io.devopsparadise.quality.semantic.SemanticLimits;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the quality orchestrator ({@code paradise.quality.*}).
 *
 * @param home                the data directory: finished runs wait in quality-orchestrator/ until the report-service stores them
 * @param retention           how long a stored run's digest stays here (the report-service keeps the run itself)
 * @param reportServiceUrl    where the report-service answers: a run's baseline (the stored run it is compared with) comes from there
 * @param baseBranch          the branch whose latest stored run is a run's baseline; absent = the repository's default branch
 *                            (origin/HEAD, else main, else master)
 * @param instanceManagerUrl  where the instance-manager answers (commands run inside the client's instance through it)
 * @param python              the Python that has the Debian tools (pytest, coverage) inside an instance
 * @param containerWorkspace  where a container sees the workspace
 * @param nodeModules         where a process instance finds the npm tools (jest, jest-junit)
 * @param containerNodeModules where a container has them
 * @param chromium            the Chromium that Playwright and Lighthouse drive (Debian's chromium), in the instance
 * @param maven               the Maven command in the instance (a wrapper in the workspace, mvnw, is preferred when present)
 * @param ruff                the Ruff command in the instance; absent = the instance has no Ruff, and flake8 stands in with the
 *                            project's Ruff rules translated
 * @param npmRegistry         the registry npm audit asks for advisories; absent = npm's own configuration
 * @param parallelTools       tools that may run at once, over all runs; the clients take turns
 * @param maxRunsPerClient    runs one client may have queued or running (one per workspace in any case)
 * @param maxActiveRuns       runs queued or running in all
 * @param maxReportSize       the largest report the orchestrator reads or keeps; a larger one makes its tool ERROR
 * @param profilesFile        custom quality profiles (paradise.quality.profiles.NAME), read as profiles only
 * @param semantic            bounds of the semantic step (the client's code backend over MCP: diagnostics, symbols, references)
 * @param profiles            quality profiles by name
 * @param parallelTestsAbove  test tools shard their tests over the instance's CPUs (pytest-xdist) when the plan expects them to take this long on one
 */
@Validated
@ConfigurationProperties("paradise.quality")
public record QualityProperties(
        Path home,
        @DefaultValue("7d") Duration retention,
        URI instanceManagerUrl,
        URI reportServiceUrl,
        String baseBranch,
        @DefaultValue("/usr/bin/python3") String python,
        @DefaultValue("/workspace") String containerWorkspace,
        String nodeModules,
        @DefaultValue("/app/node_modules") String containerNodeModules,
        @DefaultValue("/usr/bin/chromium") String chromium,
        @DefaultValue("mvn") String maven,
        String ruff,
        URI npmRegistry,
        @DefaultValue("2") @Min(1) int parallelTools,
        @DefaultValue("2") @Min(1) int maxRunsPerClient,
        @DefaultValue("32") @Min(1) int maxActiveRuns,
        @DefaultValue("64MB") DataSize maxReportSize,
        Path profilesFile,
        Map<String, ProfileProperties> profiles,
        @NestedConfigurationProperty @DefaultValue SemanticLimits semantic,
        @DefaultValue("5s") Duration parallelTestsAbove) {

    public QualityProperties {
        parallelTestsAbove = parallelTestsAbove == null ? Duration.ofSeconds(5) : parallelTestsAbove;
        profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
        semantic = semantic == null ? SemanticLimits.defaults() : semantic;
    }

    /**
     * @param categories      tool categories that run: unit, lint, semantic, security, api, e2e, performance
     * @param toolTimeout     one tool is stopped after this long
     * @param minLineCoverage below this line coverage (0-1) the run fails; 0 disables
     * @param maxFindings     most findings allowed per severity (CRITICAL, HIGH, MEDIUM, LOW, INFO); absent = no limit
     * @param failFast        stop the other tools when a unit-test suite fails
     * @param targetUrl       the running application that API, E2E and performance tools test (Newman's baseUrl,
     *                        Playwright's PARADISE_BASE_URL, the page Lighthouse audits); absent = Lighthouse is skipped
     * @param minPerformanceScore below this Lighthouse performance score (0-1) the run fails; 0 disables
     * @param maxNewFindings  most findings a run may introduce since its baseline, per severity; absent = no limit
     * @param minChangedLineCoverage below this coverage (0-1) of the lines changed since the baseline's commit the run fails; 0 disables
     * @param runUnconfiguredLinters run the linters the project does not configure too (as advice); false = only those it configures
     * @param judgeUnconfiguredLinters judge the findings of linters the project does not configure too; by default they are advice
     * @param changedOnly     test tools run only the tests the change can break (test impact analysis); a run can ask for it too
     * @param fullTests       test tools always run every test, even when a run asks for the changed ones only (a nightly profile)
     * @param reuseResults    a tool whose inputs (files, configuration, version) did not change since its last passing run
     *                        reuses that result, marked cached
     */
    public record ProfileProperties(
            List<String> categories,
            @DefaultValue("10m") Duration toolTimeout,
            @DefaultValue("0") double minLineCoverage,
            Map<String, Integer> maxFindings,
            Map<String, Integer> maxNewFindings,
            @DefaultValue("0") double minChangedLineCoverage,
            @DefaultValue("false") boolean failFast,
            URI targetUrl,
            @DefaultValue("0") double minPerformanceScore,
            @DefaultValue("true") boolean runUnconfiguredLinters,
            @DefaultValue("false") boolean judgeUnconfiguredLinters,
            @DefaultValue("false") boolean changedOnly,
            @DefaultValue("false") boolean fullTests,
            @DefaultValue("false") boolean reuseResults) {}
}
