package io.devopsparadise.gateway.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ChangeRiskToolTests {

    private static final String ANSWER = """
            {"change": "working tree", "files": 2, "linesAdded": 40, "linesDeleted": 3, "risk": 0.41, "percentile": 97.2, "level": "high",
             "method": "logistic regression", "historyCommits": 1522,
             "factors": [{"description": "source lines added", "value": 40, "typical": 4.1, "contribution": 1.3}]%s}
            """;

    @Test
    void theSummaryExplainsTheRiskByItsFactors() {
        String summary = ChangeRiskTool.summary(json(ANSWER.formatted(", \"coverage\": null")));

        assertThat(summary)
                .contains("Risk of working tree: 41% (high: above 97% of this repository's 1522 commits)")
                .contains("- source lines added: 40 (typical 4.10) +1.30")
                .doesNotContain("Tests ran");
    }

    @Test
    void theCoverageOfTheChangedLinesIsGivenAsEvidenceWhenKnown() {
        String summary = ChangeRiskTool.summary(json(ANSWER.formatted(
                ", \"coverage\": {\"runId\": \"run-7\", \"lines\": 40, \"covered\": 12, \"percent\": 30.0}")));

        assertThat(summary)
                .contains(
                        "Tests ran 12 of its 40 changed lines (30%) in run run-7; coverage is evidence, not a factor of the model.");
    }

    private static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }
}
