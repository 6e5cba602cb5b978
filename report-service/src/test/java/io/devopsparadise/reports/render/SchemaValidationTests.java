package io.devopsparadise.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.devopsparadise.testsupport.RepoPaths;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SARIF report against the official SARIF 2.1.0 JSON schema (the OASIS 2.1.0 final, "rtm.5", as Microsoft ships
 * it in the npm package @microsoft/jest-sarif, installed with the test tools), and the JSON report against its own
 * published schema.
 */
class SchemaValidationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Schema sarifSchema() throws Exception {
        Path schema = RepoPaths.nodeModules().resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
        try (InputStream in = Files.newInputStream(schema)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(in);
        }
    }

    private static Schema reportSchema() throws Exception {
        try (InputStream in =
                SchemaValidationTests.class.getResourceAsStream("/static/schemas/run-report-1.0.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        }
    }

    @Test
    void sarifOfTheSampleRunIsValidSarif210() throws Exception {
        JsonNode sarif = JSON.readTree(GoldenReportsTests.render(ReportFormat.SARIF));

        List<Error> errors = sarifSchema().validate(sarif);

        assertThat(errors).isEmpty();
        assertThat(sarif.path("version").asString()).isEqualTo("2.1.0");
        assertThat(sarif.path("runs")
                        .valueStream()
                        .mapToInt(run -> run.path("results").size())
                        .sum())
                .isEqualTo(3);
    }

    @Test
    void theValidatorRejectsSarifThatBreaksTheSchema() throws Exception {
        ObjectNode sarif = (ObjectNode) JSON.readTree(GoldenReportsTests.render(ReportFormat.SARIF));
        sarif.put("version", "2.0.0");
        ((ObjectNode) sarif.path("runs").get(1).path("results").get(0)).put("level", "fatal");

        assertThat(sarifSchema().validate(sarif)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void jsonReportFollowsItsPublishedSchema() throws Exception {
        JsonNode report = JSON.readTree(GoldenReportsTests.render(ReportFormat.JSON));

        assertThat(reportSchema().validate(report)).isEmpty();

        ((ObjectNode) report.path("score")).put("grade", "F");
        assertThat(reportSchema().validate(report)).isNotEmpty();
    }

    @Test
    void jsonReportOfTheChangedOnlySampleRunFollowsItsPublishedSchema() throws Exception {
        JsonNode report =
                JSON.readTree(GoldenReportsTests.render(ReportFormat.JSON, GoldenReportsTests.plannedModel()));

        assertThat(reportSchema().validate(report)).isEmpty();
        assertThat(report.path("plans").get(0).path("base").asString()).isEqualTo("main");

        ((ObjectNode) report.path("plans").get(0)).remove("selected");
        assertThat(reportSchema().validate(report)).isNotEmpty();
    }
}
