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
    void methodsConstructorsAndNestedTypesAreBlocksAndOverloadsDiffer() {
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
        assertThat(blocks.functions())
                .containsExactlyInAnyOrder(
                        "Price.gross(int)", "Price.gross(int,int)", "Price.Price()", "Price.Rounding.up(int)");
        assertThat(blocks.checksums().keySet())
                .as("an anonymous class belongs to its method")
                .noneMatch(name -> name.contains("run"));
        assertThat(blocks.blockAt(12)).isEqualTo("Price.gross(int)");
        assertThat(blocks.blockAt(8)).isEqualTo("Price");
        assertThat(blocks.blockAt(3)).isEqualTo("<module>");
    }

    @Test
    void aBodyEditChangesItsMethodOnlyAndAFieldChangesTheClass() {
        SourceBlocks before = JavaBlocks.parse(SOURCE);

        SourceBlocks body =
                JavaBlocks.parse(SOURCE.replace("return net + net * RATE / 100;", "return net + net * RATE / 50;"));
        SourceBlocks field = JavaBlocks.parse(SOURCE.replace("RATE = 20", "RATE = 21"));

        assertThat(changed(before, body)).containsExactly("Price.gross(int)");
        assertThat(changed(before, field)).containsExactly("Price");
    }

    @Test
    void commentsChangeNoCodeBlockAndALineCommentOnlyTheDocumentation() {
        SourceBlocks before = JavaBlocks.parse(SOURCE);

        SourceBlocks trailing = JavaBlocks.parse(SOURCE.replace("// tax on top", "// VAT on top"));
        SourceBlocks ownLine = JavaBlocks.parse(SOURCE.replace("// the gross price", "// the price with tax"));
        SourceBlocks javadoc = JavaBlocks.parse(SOURCE.replace("/** Prices. */", "/** Prices, with tax. */"));

        assertThat(changed(before, trailing)).isEmpty();
        assertThat(changed(before, ownLine)).containsExactly("<docs>");
        assertThat(changed(before, javadoc)).containsExactly("<docs>");
    }

    @Test
    void addingAMethodChangesTheClassThatHoldsItAndTextThatDoesNotParseIsOneBlock() {
        SourceBlocks before = JavaBlocks.parse(SOURCE);
        SourceBlocks added = JavaBlocks.parse(SOURCE.replace(
                "    Price() {", "    static int net(int gross) {\n        return gross;\n    }\n\n    Price() {"));

        assertThat(changed(before, added)).contains("Price", "Price.net(int)").doesNotContain("Price.gross(int)");
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
