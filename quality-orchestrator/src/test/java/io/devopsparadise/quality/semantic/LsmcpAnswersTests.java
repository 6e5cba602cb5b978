package io.devopsparadise.quality.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopsparadise.contracts.quality.SemanticAnalysis.SymbolReference;
import io.devopsparadise.contracts.quality.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * lsmcp's text answers, as the code backend (docker/code-backend/bridge.mjs) gave them on the fixture with a planted
 * type error and on boltons (recorded/lsmcp/: captured with a tools/call on the running bridge).
 */
class LsmcpAnswersTests {

    private static String recorded(String name) throws Exception {
        return Files.readString(Path.of("src/test/resources/recorded/lsmcp", name));
    }

    @Test
    void readsThePlantedTypeErrorAsPyrightReportedIt() throws Exception {
        List<Diagnostic> diagnostics = LsmcpAnswers.diagnostics("typed.py", recorded("diagnostics-typed.txt"));

        assertThat(diagnostics).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(11);
            assertThat(d.column()).isEqualTo(19);
            assertThat(d.severity()).isEqualTo("error");
            assertThat(d.source()).isEqualTo("Pyright");
            assertThat(d.message())
                    .startsWith("Argument of type \"Literal['a']\" cannot be assigned to parameter \"x\"")
                    .contains("\n")
                    .doesNotEndWith("(Pyright)");
        });
    }

    @Test
    void thePlantedTypeErrorBecomesASemanticFinding() throws Exception {
        List<Diagnostic> diagnostics = LsmcpAnswers.diagnostics("typed.py", recorded("diagnostics-typed.txt"));

        assertThat(SemanticAnalyzer.finding(diagnostics.get(0))).satisfies(f -> {
            assertThat(f.tool()).isEqualTo("semantic");
            assertThat(f.rule()).isEqualTo("pyright");
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.column()).isEqualTo(19);
        });
    }

    @Test
    void readsEveryDiagnosticOfARealModule() throws Exception {
        List<Diagnostic> diagnostics =
                LsmcpAnswers.diagnostics("boltons/strutils.py", recorded("diagnostics-boltons-strutils.txt"));

        assertThat(diagnostics).extracting(Diagnostic::line).containsExactly(576, 579, 587, 590);
        assertThat(diagnostics).extracting(Diagnostic::column).containsExactly(31, 58, 9, 9);
        assertThat(diagnostics.get(0).message()).isEqualTo("\"size\" is possibly unbound");
        assertThat(diagnostics.get(2).message())
                .startsWith("Method \"handle_data\" overrides class \"HTMLParser\"")
                .endsWith("override parameter is named \"d\"");
    }

    @Test
    void aCleanFileHasNoDiagnostics() throws Exception {
        assertThat(LsmcpAnswers.diagnostics("boltons/__init__.py", recorded("diagnostics-clean.txt")))
                .isEmpty();
    }

    private static List<DocumentSymbol> typedSymbols() throws Exception {
        return LsmcpAnswers.symbols("typed.py", recorded("symbols-typed.txt"));
    }

    @Test
    void readsNestedSymbolsInTheirOrder() throws Exception {
        assertThat(typedSymbols())
                .extracting(DocumentSymbol::name)
                .containsExactly("double", "x", "Greeter", "greet", "name", "use");
    }

    @Test
    void readsWhereEachSymbolSits() throws Exception {
        List<DocumentSymbol> symbols = typedSymbols();

        assertThat(symbols.get(3)).isEqualTo(new DocumentSymbol("typed.py", "greet", "Method", "Greeter", 6, 7));
        assertThat(symbols.get(4).container()).isEqualTo("Greeter/greet");
        assertThat(symbols.get(5)).isEqualTo(new DocumentSymbol("typed.py", "use", "Function", "", 10, 11));
    }

    @Test
    void variablesAreNotStructural() throws Exception {
        assertThat(typedSymbols().stream().filter(DocumentSymbol::structural).map(DocumentSymbol::name))
                .containsExactly("double", "Greeter", "greet", "use");
    }

    @Test
    void readsTheSymbolsOfARealModule() throws Exception {
        String answer = recorded("symbols-boltons-iterutils.txt");
        List<DocumentSymbol> symbols = LsmcpAnswers.symbols("boltons/iterutils.py", answer);

        long headers =
                answer.lines().filter(l -> l.matches(" *\\S.* \\[\\w+\\]")).count();
        assertThat(symbols).hasSize((int) headers);
        assertThat(symbols).contains(new DocumentSymbol("boltons/iterutils.py", "is_iterable", "Function", "", 61, 76));
        assertThat(symbols).anySatisfy(s -> assertThat(s.name()).isEqualTo("get_path"));
    }

    @Test
    void readsReferencesWithTheirPositions() throws Exception {
        List<SymbolReference> references = LsmcpAnswers.references(
                "boltons/iterutils.py", "get_path", recorded("references-boltons-get_path.txt"));

        assertThat(references).hasSize(8);
        assertThat(references.get(0)).isEqualTo(new SymbolReference("boltons/iterutils.py", 1324, 5));
        assertThat(references).contains(new SymbolReference("tests/test_iterutils.py", 374, 16));
    }

    @Test
    void anAnswerOfAnotherShapeIsAnErrorNotAnEmptyResult() {
        assertThatThrownBy(() -> LsmcpAnswers.diagnostics(
                        "a.py", "{\"error\":\"Failed to create symbol index. Make sure LSP is running.\"}"))
                .isInstanceOf(SemanticBackendException.class)
                .hasMessageContaining("lsp_get_diagnostics")
                .hasMessageContaining("a.py");
        assertThatThrownBy(() -> LsmcpAnswers.symbols("a.py", "Error getting document symbols: boom"))
                .isInstanceOf(SemanticBackendException.class)
                .hasMessageContaining("lsp_get_document_symbols");
        assertThatThrownBy(() ->
                        LsmcpAnswers.references("a.py", "f", "Found 2 references to \"f\"\n\n\na.py:1:5\n1: def f():"))
                .isInstanceOf(SemanticBackendException.class)
                .hasMessageContaining("announced 2");
    }

    @Test
    void theDeclarationLineIsTheOneThatNamesTheSymbolPastItsDecorators() {
        DocumentSymbol symbol = new DocumentSymbol("a.py", "run", "Function", "", 1, 3);

        assertThat(ChangeDescription.declarationLine(
                        symbol, List.of("@decorated(running=True)", "def run():", "    return run_it()")))
                .isEqualTo(2);
        assertThat(ChangeDescription.declarationLine(symbol, List.of("@x", "def other():", "    pass")))
                .isZero();
    }
}
