package io.devopsparadise.quality.reports.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every input the fuzzing found to crash a parser, and the classic attacks on parsers (entity expansion, external
 * entities, deep nesting, huge numbers), kept under fuzz-regressions/PARSER/ and replayed: each gives a result or a
 * ReportParseException, in time. New crashes land in target/fuzz-crashes/PARSER/; copy them here.
 */
class FuzzRegressionsTests {

    private static final Path REGRESSIONS = Path.of("src/test/resources/fuzz-regressions");

    @TestFactory
    Stream<DynamicTest> everyKeptInputGivesAResultOrAParseException() throws IOException {
        try (Stream<Path> files = Files.walk(REGRESSIONS)) {
            return files.filter(Files::isRegularFile).sorted().toList().stream()
                    .map(file ->
                            DynamicTest.dynamicTest(REGRESSIONS.relativize(file).toString(), () -> {
                                ReportParsers parser = ReportParsers.named(
                                        file.getParent().getFileName().toString());
                                assertThat(ParseOutcome.misbehaviour(parser, Files.readAllBytes(file)))
                                        .isNull();
                            }));
        }
    }
}
