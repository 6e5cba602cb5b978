package io.devopsparadise.quality.reports.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.testsupport.Fuzz;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every report parser, fed random bytes and mutations of recorded reports, answers a result or a ReportParseException,
 * within {@link ParseOutcome#LIMIT}. A short run in the build; {@code bench/fuzz/reports.sh} passes a long {@code -Dfuzz.tries}.
 */
class ReportParsersFuzzTests {

    private static final Path RECORDED = Path.of("src/test/resources/recorded");
    private static final int BUILD_TRIES = 200;

    record Case(ReportParsers parser, byte[] input) {
        @Override
        public String toString() {
            return parser + " "
                    + java.util.Base64.getEncoder()
                            .encodeToString(input.length > 300 ? java.util.Arrays.copyOf(input, 300) : input);
        }
    }

    @Test
    void randomBytesGiveAResultOrAParseException() {
        Fuzz.forAll(
                BUILD_TRIES,
                random -> new Case(parser(random), Fuzz.bytes(random, 2048)),
                ReportParsersFuzzTests::behaves);
    }

    @Test
    void mutatedRecordedReportsGiveAResultOrAParseException() {
        Fuzz.forAll(
                BUILD_TRIES,
                random -> {
                    ReportParsers parser = parser(random);
                    return new Case(
                            parser,
                            Mutations.mutate(
                                    recorded(seedOf(parser, random)), random.nextLong(), 1 + random.nextInt(12)));
                },
                ReportParsersFuzzTests::behaves);
    }

    @Test
    void wellFormedReportsWithOddValuesGiveAResultOrAParseException() {
        Fuzz.forAll(
                BUILD_TRIES,
                random -> {
                    ReportParsers parser = parser(random);
                    return new Case(
                            parser,
                            ValueMutations.mutate(
                                    recorded(seedOf(parser, random)),
                                    new Random(random.nextLong()),
                                    1 + random.nextInt(6)));
                },
                ReportParsersFuzzTests::behaves);
    }

    @Test
    void everyParserReadsEveryOtherFormatWithoutCrashing() {
        Fuzz.forAll(
                BUILD_TRIES,
                random -> {
                    byte[] foreign = recorded(parser(random).seeds().get(0));
                    return new Case(
                            parser(random), Mutations.mutate(foreign, random.nextLong(), 1 + random.nextInt(4)));
                },
                ReportParsersFuzzTests::behaves);
    }

    private static void behaves(Case fuzzed) {
        assertThat(ParseOutcome.misbehaviour(fuzzed.parser(), fuzzed.input())).isNull();
    }

    private static ReportParsers parser(Random random) {
        List<ReportParsers> all = ReportParsers.ALL;
        return all.get(random.nextInt(all.size()));
    }

    private static String seedOf(ReportParsers parser, Random random) {
        return parser.seeds().get(random.nextInt(parser.seeds().size()));
    }

    private static byte[] recorded(String name) {
        try {
            return Files.readAllBytes(RECORDED.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
