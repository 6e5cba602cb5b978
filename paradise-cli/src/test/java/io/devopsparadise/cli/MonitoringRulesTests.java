package io.devopsparadise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.testsupport.Fixtures;
import io.devopsparadise.testsupport.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped monitoring configuration (docker/monitoring) through the real tools of Debian's prometheus and
 * prometheus-alertmanager: the rules' own unit tests under promtool, and both configurations as their tools check
 * them. A rule whose threshold is changed makes promtool's tests fail, so they test something.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MonitoringRulesTests {

    private static final Path MONITORING = RepoPaths.root().resolve("docker/monitoring");

    @Test
    void everyAlertingRuleFiresExactlyWhenItShould() throws Exception {
        Result tested = run(MONITORING, "promtool", "test", "rules", "tests/paradise.rules.test.yml");

        assertThat(tested.exit()).as(tested.output()).isZero();
        assertThat(tested.output()).contains("SUCCESS");
    }

    @Test
    void aRuleWithAnotherThresholdFailsItsTests(@TempDir Path copy) throws Exception {
        Fixtures.copy(MONITORING, copy);
        Path rules = copy.resolve("rules/paradise.rules.yml");
        String shipped = Files.readString(rules);
        Files.writeString(
                rules, shipped.replace("paradise_quality_score_change <= -10", "paradise_quality_score_change <= -20"));
        assertThat(Files.readString(rules)).isNotEqualTo(shipped);

        Result tested = run(copy, "promtool", "test", "rules", "tests/paradise.rules.test.yml");

        assertThat(tested.exit()).as(tested.output()).isNotZero();
        assertThat(tested.output()).contains("ParadiseQualityScoreDropped");
    }

    @Test
    void thePrometheusConfigurationIsValidWithTheCredentialBesideIt(@TempDir Path copy) throws Exception {
        Fixtures.copy(MONITORING, copy);
        Files.writeString(copy.resolve("monitoring-token"), "pdm_checked-by-promtool");
        Files.writeString(copy.resolve("alertmanager-password"), "checked-by-promtool");

        Result checked = run(copy, "promtool", "check", "config", "prometheus.yml");

        assertThat(checked.exit()).as(checked.output()).isZero();
        assertThat(checked.output()).contains("SUCCESS: 1 rule files found");
    }

    @Test
    void theAlertmanagerConfigurationIsValid() throws Exception {
        Result checked = run(MONITORING, "amtool", "check-config", "alertmanager.yml");

        assertThat(checked.exit()).as(checked.output()).isZero();
        assertThat(checked.output()).contains("1 receivers");
    }

    @Test
    void everyGrafanaQueryIsPromqlThatPromtoolParses(@TempDir Path scratch) throws Exception {
        List<String> queries = grafanaQueries();
        StringBuilder rules = new StringBuilder("groups:\n  - name: grafana\n    rules:\n");
        for (int i = 0; i < queries.size(); i++) {
            // Grafana's range variable, as a dashboard over the last hour would fill it in
            String query = queries.get(i).replace("$__range", "1h");
            rules.append("      - record: grafana:panel_")
                    .append(i)
                    .append("\n        expr: ")
                    .append(JSON.writeValueAsString(query))
                    .append('\n');
        }
        Files.writeString(scratch.resolve("grafana.rules.yml"), rules);

        Result checked = run(scratch, "promtool", "check", "rules", "grafana.rules.yml");

        assertThat(queries).hasSizeGreaterThanOrEqualTo(8);
        assertThat(checked.exit()).as(checked.output()).isZero();
        assertThat(checked.output()).contains("SUCCESS: " + queries.size() + " rules found");
    }

    @Test
    void everyPlatformMetricTheMonitoringReadsIsDocumented() throws Exception {
        String documented = Files.readString(RepoPaths.root().resolve("docs/monitoring.md"));
        String read =
                String.join("\n", grafanaQueries()) + Files.readString(MONITORING.resolve("rules/paradise.rules.yml"));
        java.util.Set<String> metrics = new java.util.TreeSet<>();
        java.util.regex.Matcher names =
                java.util.regex.Pattern.compile("\\bparadise_[a-z_]+").matcher(read);
        while (names.find()) {
            metrics.add(names.group().replaceAll("_(count|bucket|sum)$", ""));
        }

        assertThat(metrics)
                .hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(metric -> assertThat(documented)
                        .as("docs/monitoring.md names " + metric)
                        .contains("`" + metric));
    }

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private static List<String> grafanaQueries() throws IOException {
        tools.jackson.databind.JsonNode dashboard =
                JSON.readTree(Files.readString(MONITORING.resolve("grafana/paradise-usage.json")));
        List<String> queries = new ArrayList<>();
        for (tools.jackson.databind.JsonNode panel : dashboard.path("panels")) {
            for (tools.jackson.databind.JsonNode target : panel.path("targets")) {
                queries.add(target.path("expr").asString());
            }
        }
        return queries;
    }

    private record Result(int exit, String output) {}

    private static Result run(Path directory, String... command) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(command));
        Process process;
        try {
            process = new ProcessBuilder(arguments)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException missing) {
            throw new IllegalStateException(
                    command[0] + " is missing: scripts/install-test-deps.sh installs Debian's prometheus and"
                            + " prometheus-alertmanager",
                    missing);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
