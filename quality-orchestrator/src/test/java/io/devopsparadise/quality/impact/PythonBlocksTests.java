package io.devopsparadise.quality.impact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PythonBlocksTests {

    private static final String SOURCE = """
            \"\"\"Module docstring.\"\"\"
            import os

            LIMIT = 3


            @decorator(
                option=1)
            def first(a,
                      b):
                \"\"\"Docstring
            with a line at column 0
            \"\"\"
                call(a,
            b)
                def inner():
                    return 1
                return inner


            class Shape:
                sides = 0

                def area(self):
                    return 0

                class Inner:
                    def deep(self):
                        return "def fake():"


            async def later():
                await thing()
            """;

    @Test
    void findsFunctionsClassesMethodsOrNestedClassesAsBlocks() {
        assertThat(PythonBlocks.parse(SOURCE).checksums())
                .containsOnlyKeys(
                        "<module>",
                        "<docs>",
                        "first",
                        "Shape",
                        "Shape.area",
                        "Shape.Inner",
                        "Shape.Inner.deep",
                        "later");
    }

    @Test
    void keepsInnerFunctionsInTheirFunction() {
        assertThat(PythonBlocks.parse(SOURCE).blockAt(line("def inner"))).isEqualTo("first");
    }

    @Test
    void eachLineBelongsToTheBlockItIsIn() {
        SourceBlocks blocks = PythonBlocks.parse(SOURCE);

        assertThat(blocks.blockAt(line("b)")))
                .as("a call continued at column 0 stays in its function")
                .isEqualTo("first");
        assertThat(blocks.blockAt(line("with a line at column 0"))).isEqualTo("first");
        assertThat(blocks.blockAt(line("sides = 0"))).isEqualTo("Shape");
        assertThat(blocks.blockAt(line("return \"def fake"))).isEqualTo("Shape.Inner.deep");
        assertThat(blocks.blockAt(line("LIMIT = 3"))).isEqualTo("<module>");
        assertThat(blocks.blockAt(line("await thing()"))).isEqualTo("later");
    }

    @Test
    void theHeaderOfABlockRunsFromItsFirstDecoratorToTheColon() {
        SourceBlocks blocks = PythonBlocks.parse(SOURCE);

        assertThat(blocks.isHeader(line("@decorator("))).isTrue();
        assertThat(blocks.isHeader(line("option=1)"))).isTrue();
        assertThat(blocks.isHeader(line("def first(a,"))).isTrue();
        assertThat(blocks.isHeader(line("          b):"))).isTrue();
        assertThat(blocks.isHeader(line("call(a,"))).isFalse();
        assertThat(blocks.blockAt(line("@decorator("))).isEqualTo("first");
    }

    @Test
    void editingABlockChangesItsChecksumOnly() {
        SourceBlocks edited = PythonBlocks.parse(SOURCE.replace("return 0", "return 1"));

        assertThat(changed(PythonBlocks.parse(SOURCE), edited)).containsExactly("Shape.area");
    }

    @Test
    void movingABlockChangesNoCodeChecksum() {
        SourceBlocks moved = PythonBlocks.parse("\n\n# a comment\n" + SOURCE);

        assertThat(changed(PythonBlocks.parse(SOURCE), moved)).containsExactly("<docs>");
    }

    @Test
    void aChangedDocstringChangesOnlyTheDocumentation() {
        SourceBlocks before = PythonBlocks.parse(SOURCE);

        assertThat(changed(before, PythonBlocks.parse(SOURCE.replace("with a line at column 0", "reworded"))))
                .containsExactly("<docs>");
        assertThat(changed(
                        before,
                        PythonBlocks.parse(SOURCE.replace("\"\"\"Module docstring.\"\"\"", "\"\"\"Other.\"\"\""))))
                .containsExactly("<docs>");
    }

    @Test
    void reindentingAStatementChangesTheCode() {
        assertThat(changed(
                        PythonBlocks.parse(SOURCE),
                        PythonBlocks.parse(SOURCE.replace("        return 1\n", "    return 1\n"))))
                .as("a statement moved out of a block changes what runs")
                .contains("first");
    }

    @Test
    void textThatIsNotPythonStillGivesBlocksWithoutFailing() {
        SourceBlocks blocks = PythonBlocks.parse("def broken(:\n  \"\"\"never closed\n) ] } (((\n\tdef x\n");

        assertThat(blocks.checksums()).containsKey("<module>");
        assertThat(blocks.blockAt(1000)).isEqualTo("<module>");
    }

    private static java.util.Set<String> changed(SourceBlocks before, SourceBlocks after) {
        java.util.Set<String> names = new java.util.TreeSet<>(before.checksums().keySet());
        names.addAll(after.checksums().keySet());
        names.removeIf(name -> java.util.Objects.equals(
                before.checksums().get(name), after.checksums().get(name)));
        return names;
    }

    private static int line(String text) {
        String[] lines = SOURCE.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line holds " + text);
    }
}
