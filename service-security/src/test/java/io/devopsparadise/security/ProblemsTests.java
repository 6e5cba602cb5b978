package io.devopsparadise.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;

class ProblemsTests {

    @Test
    void aValueSentBackIsQuotedWithItsControlCharactersReplaced() {
        assertThat(Problems.echo("a\nb\u0000c")).isEqualTo("'a?b?c'");
    }

    @Test
    void aLongValueSentBackIsCutShort() {
        assertThat(Problems.echo("x".repeat(500))).hasSize(83).endsWith("…'");
    }

    @Test
    void noValueIsSentBackAsNothing() {
        assertThat(Problems.echo(null)).isEqualTo("nothing");
    }

    @Test
    void aMalformedBodyQuotesOnlyTheFirstLineOfWhatTheParserSaidBounded() {
        ProblemDetail problem = Problems.malformedBody(
                "Unexpected character ('x'): " + "y".repeat(1000) + "\n at [Source: secret body]");

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getDetail())
                .startsWith("The request body is not valid JSON of the expected shape: Unexpected character")
                .doesNotContain("secret body")
                .endsWith("…");
    }

    @Test
    void anUnexpectedFailureAnswersAnIncidentId() {
        ProblemDetail problem = unexpectedFailure("password=hunter2");

        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getDetail())
                .matches("Unexpected error; the report-service log has the details under incident [0-9a-f-]{36}");
    }

    @Test
    void anUnexpectedFailureAnswersNoneOfItsWords() {
        ProblemDetail problem = unexpectedFailure("password=hunter2");

        assertThat(problem.getDetail()).doesNotContain("hunter2");
    }

    private static ProblemDetail unexpectedFailure(String message) {
        return Problems.unexpected(
                LoggerFactory.getLogger(ProblemsTests.class), "report-service", new IllegalStateException(message));
    }
}
