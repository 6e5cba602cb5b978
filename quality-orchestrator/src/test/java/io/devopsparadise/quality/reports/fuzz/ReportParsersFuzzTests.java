package io.devopsparadise.quality.reports.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every report parser, fed random bytes and mutations of recorded reports, answers a result or a ReportParseException,
 * within {@link ParseOutcome#LIMIT}. The number of tries is jqwik.tries.default: short here, long from bench/fuzz/reports.sh.
 */
class ReportParsersFuzzTests {

    private static final Path RECORDED = Path.of("src/test/resources/recorded");

    @Property
    void randomBytesGiveAResultOrAParseException(@ForAll("parsers") ReportParsers parser, @ForAll @Size(max = 2048) byte[] input) {
        assertThat(ParseOutcome.misbehaviour(parser, input)).isNull();
    }

    @Property
    void mutatedRecordedReportsGiveAResultOrAParseException(@ForAll("parsers") ReportParsers parser, @ForAll long seed,
                                                            @ForAll @IntRange(min = 1, max = 12) int mutations,
                                                            @ForAll @IntRange(min = 0, max = 9) int which) {
        byte[] recorded = recorded(parser.seeds().get(which % parser.seeds().size()));
        assertThat(ParseOutcome.misbehaviour(parser, Mutations.mutate(recorded, seed, mutations))).isNull();
    }

    @Property
    void wellFormedReportsWithOddValuesGiveAResultOrAParseException(@ForAll("parsers") ReportParsers parser, @ForAll long seed,
                                                                   @ForAll @IntRange(min = 1, max = 6) int changes,
                                                                   @ForAll @IntRange(min = 0, max = 9) int which) {
        byte[] recorded = recorded(parser.seeds().get(which % parser.seeds().size()));
        assertThat(ParseOutcome.misbehaviour(parser, ValueMutations.mutate(recorded, new java.util.Random(seed), changes))).isNull();
    }

    @Property
    void everyParserReadsEveryOtherFormatWithoutCrashing(@ForAll("parsers") ReportParsers parser, @ForAll("parsers") ReportParsers other,
                                                         @ForAll long seed) {
        byte[] foreign = recorded(other.seeds().get(0));
        assertThat(ParseOutcome.misbehaviour(parser, Mutations.mutate(foreign, seed, 1 + (int) Math.floorMod(seed, 4L)))).isNull();
    }

    @Provide
    Arbitrary<ReportParsers> parsers() {
        return Arbitraries.of(ReportParsers.ALL);
    }

    private static byte[] recorded(String name) {
        try {
            return Files.readAllBytes(RECORDED.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
