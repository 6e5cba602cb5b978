package io.devopsparadise.quality.impact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Java blocks as JavaParser reads them: which edit changes which block's checksum, and which changes none. */
class JavaBlocksTests {

    private static final String SOURCE = """
            package shop;

            import java.util.List;

            /** Prices. */
            public final class Price {

                static final int RATE = 20;

                // the gross price
                public static int gross(int net) {
                    return net + net * RATE / 100; // tax on top
                }

                public static int gross(int net, int rate) {
                    Runnable r = new Runnable() {
                        public void run() {
                        }
                    };
                    return net + net * rate / 100;
                }

                Price() {
                }

                static final class Rounding {
                    int up(int value) {
                        return value + 1;
                    }
                }
            }
            """;

    @Test
    void everyTypeMethodConstructorOrOverloadIsABlock() {
        SourceBlocks blocks = JavaBlocks.parse(SOURCE);

        assertThat(blocks.checksums().keySet())
                .contains(
                        "<module>",
                        "<docs>",
                        "Price",
                        "Price.gross(int)",
                        "Price.gross(int,int)",
                        "Price.Price()",
                        "Price.Rounding",
                        "Price.Rounding.up(int)");
    }

    @Test
    void onlyMethodsOrConstructorsAreFunctions() {
        assertThat(JavaBlocks.parse(SOURCE).functions())
                .containsExactlyInAnyOrder(
                        "Price.gross(int)", "Price.gross(int,int)", "Price.Price()", "Price.Rounding.up(int)");
    }

    @Test
    void anAnonymousClassBelongsToItsMethod() {
        assertThat(JavaBlocks.parse(SOURCE).checksums().keySet())
                .as("an anonymous class belongs to its method")
                .noneMatch(name -> name.contains("run"));
    }

    @Test
    void eachLineBelongsToTheBlockItIsIn() {
        SourceBlocks blocks = JavaBlocks.parse(SOURCE);

        assertThat(blocks.blockAt(12)).isEqualTo("Price.gross(int)");
        assertThat(blocks.blockAt(8)).isEqualTo("Price");
        assertThat(blocks.blockAt(3)).isEqualTo("<module>");
    }

    /** The blocks whose checksum the edit changed. */
    private static java.util.Set<String> changedBy(String target, String replacement) {
        return changed(JavaBlocks.parse(SOURCE), JavaBlocks.parse(SOURCE.replace(target, replacement)));
    }

    @Test
    void aBodyEditChangesItsMethodOnly() {
        assertThat(changedBy("return net + net * RATE / 100;", "return net + net * RATE / 50;"))
                .containsExactly("Price.gross(int)");
    }

    @Test
    void aFieldEditChangesTheClass() {
        assertThat(changedBy("RATE = 20", "RATE = 21")).containsExactly("Price");
    }

    @Test
    void aTrailingCommentChangesNoBlock() {
        assertThat(changedBy("// tax on top", "// VAT on top")).isEmpty();
    }

    @Test
    void aCommentOnItsOwnLineChangesOnlyTheDocumentation() {
        assertThat(changedBy("// the gross price", "// the price with tax")).containsExactly("<docs>");
    }

    @Test
    void aJavadocEditChangesOnlyTheDocumentation() {
        assertThat(changedBy("/** Prices. */", "/** Prices, with tax. */")).containsExactly("<docs>");
    }

    @Test
    void addingAMethodChangesTheClassThatHoldsIt() {
        assertThat(changedBy(
                        "    Price() {",
                        "    static int net(int gross) {\n        return gross;\n    }\n\n    Price() {"))
                .contains("Price", "Price.net(int)")
                .doesNotContain("Price.gross(int)");
    }

    @Test
    void textThatDoesNotParseIsOneBlock() {
        assertThat(JavaBlocks.parse("class Broken { void m( { }").checksums().keySet())
                .containsExactlyInAnyOrder("<module>", "<docs>");
    }

    private static java.util.Set<String> changed(SourceBlocks before, SourceBlocks after) {
        java.util.Set<String> names = new java.util.TreeSet<>(before.checksums().keySet());
        names.addAll(after.checksums().keySet());
        names.removeIf(name -> java.util.Objects.equals(
                before.checksums().get(name), after.checksums().get(name)));
        return names;
    }
}
