package io.devopsparadise.quality.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MutantsTests {

    @Test
    void editsStayInTheFunctionsBodyNeverItsHeaderOrDocstring() {
        String source = """
                @cache(size=3)
                def f(x=1, y=None) -> int:
                    \"""Returns 2 when x == 1.\"""
                    return x == 2
                """;
        List<Mutant> edits = edits(source);
        assertThat(edits).extracting(Mutant::line).containsOnly(4);
        assertThat(edits)
                .extracting(Mutant::after)
                .containsExactlyInAnyOrder("    return x != 2", "    return None", "    return x == 2 + 1");
        assertThat(edits)
                .allSatisfy(edit -> assertThat(Mutants.isClean(edit, source)).isTrue());
    }

    @Test
    void aComparisonInAStringOrCommentIsLeftAlone() {
        String source = """
                def f(a, b):
                    s = "a == b" + 'a < b'  # a is b
                    t = \"""
                    a in b
                    \"""
                    return a if a > b else s
                """;
        assertThat(edits(source))
                .filteredOn(edit -> edit.kind() == MutationKind.COMPARISON)
                .extracting(Mutant::after)
                .containsExactly("    return a if a <= b else s");
    }

    @Test
    void theTargetOfAForClauseIsNotAMembershipTest() {
        String source = """
                def f(xs, keep):
                    for x in xs:
                        pass
                    return [x for x in xs if x in keep and x is not None]
                """;
        assertThat(edits(source))
                .filteredOn(edit -> edit.kind() == MutationKind.COMPARISON)
                .extracting(Mutant::after)
                .containsExactly(
                        "    return [x for x in xs if x not in keep and x is not None]",
                        "    return [x for x in xs if x in keep and x is None]");
    }

    @Test
    void aReturnThatSpansLinesOrReturnsNothingIsNotDropped() {
        String source = """
                def f(a, b):
                    if a:
                        return
                    if b:
                        return None  # nothing
                    return (a,
                            b)
                """;
        assertThat(edits(source))
                .filteredOn(edit -> edit.kind() == MutationKind.RETURN)
                .isEmpty();
    }

    @Test
    void constantsAreIntegersOfTheCodeOnly() {
        String source = """
                def f(xs):
                    return xs[1:] + [0x10, 1.5, x2, 10_000, "3"]
                """;
        assertThat(edits(source))
                .filteredOn(edit -> edit.kind() == MutationKind.CONSTANT)
                .extracting(Mutant::after)
                .containsExactly("    return xs[1 + 1:] + [0x10, 1.5, x2, 10_000, \"3\"]");
    }

    @Test
    void aClassIsMutatedOnlyInItsMethods() {
        String source = """
                class C:
                    size = 3

                    def m(self):
                        return self.size > 2
                """;
        assertThat(edits(source)).extracting(Mutant::function).containsOnly("C.m");
    }

    /** Three of nine functions that each offer an edit of every kind. */
    private static List<Mutant> threePickedOfNine() {
        List<Mutants.FunctionEdits> functions = IntStream.range(0, 9)
                .mapToObj(i -> new Mutants.FunctionEdits(
                        "m.py",
                        "f" + i,
                        List.of(
                                edit(i, MutationKind.COMPARISON),
                                edit(i, MutationKind.RETURN),
                                edit(i, MutationKind.CONSTANT))))
                .toList();
        return Mutants.spread(functions, 3, mutant -> true);
    }

    @Test
    void functionsAreSpreadEvenly() {
        assertThat(threePickedOfNine()).extracting(Mutant::function).containsExactly("f0", "f3", "f6");
    }

    @Test
    void theKindsOfEditTakeTurns() {
        assertThat(threePickedOfNine()).extracting(Mutant::kind).containsExactly(MutationKind.values());
    }

    @Test
    void aFunctionWithoutAnAcceptableEditGivesWayToTheNextOne() {
        List<Mutants.FunctionEdits> functions = IntStream.range(0, 4)
                .mapToObj(i -> new Mutants.FunctionEdits("m.py", "f" + i, List.of(edit(i, MutationKind.CONSTANT))))
                .toList();
        List<Mutant> picked =
                Mutants.spread(functions, 2, mutant -> !mutant.function().equals("f2"));
        assertThat(picked).extracting(Mutant::function).containsExactly("f0", "f3");
    }

    private static List<Mutant> edits(String source) {
        return Mutants.functions("m.py", source).stream()
                .flatMap(function -> function.edits().stream())
                .toList();
    }

    private static Mutant edit(int line, MutationKind kind) {
        return new Mutant("m.py", "f" + line, line + 1, kind, "x", "y");
    }
}
