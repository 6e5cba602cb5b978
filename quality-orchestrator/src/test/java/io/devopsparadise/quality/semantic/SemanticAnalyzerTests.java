package io.devopsparadise.quality.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.SemanticAnalysis.ChangedSymbol;
import io.devopsparadise.contracts.quality.ToolStatus;
import io.devopsparadise.testsupport.MovableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The semantic step's own logic against a code backend in memory: which files it asks about and in which order, the
 * bounds and the time budget with the notes they leave, and how failures and missing tools show in the outcome. The
 * workspace is a real git repository: c.py is the run's requested file, lib/d.ts changed since the commit.
 */
class SemanticAnalyzerTests {

    private static final Instant START = Instant.parse("2026-11-30T10:00:00Z");

    @TempDir
    Path workspace;

    private final MovableClock clock = new MovableClock(START);
    private String commit;

    @BeforeEach
    void aRepositoryWithAChange() throws Exception {
        try (Git git = Git.init()
                .setDirectory(workspace.toFile())
                .setInitialBranch("main")
                .call()) {
            write("a.py", "def a():\n    return 1\n");
            write("b.py", "def b():\n    return 2\n");
            write("c.py", "def c():\n    return 3\n");
            write("lib/d.ts", "export function twice(x: number): number {\n  return 2 * x;\n}\n");
            write("node_modules/left-pad/index.js", "module.exports = 1;\n");
            git.add().addFilepattern(".").call();
            commit = git.commit()
                    .setMessage("code")
                    .setAuthor("t", "t@example.com")
                    .setCommitter("t", "t@example.com")
                    .call()
                    .name();
        }
        write("lib/d.ts", "export function twice(x: number): number {\n  return x + x;\n}\n");
    }

    private void write(String file, String text) throws Exception {
        Files.createDirectories(workspace.resolve(file).getParent());
        Files.writeString(workspace.resolve(file), text);
    }

    private static SemanticLimits limits(Duration timeBudget, int maxFiles) {
        return new SemanticLimits(
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                DataSize.ofKilobytes(64),
                timeBudget,
                maxFiles,
                100,
                200,
                30,
                200);
    }

    private SemanticResult analyze(FakeCodeIntelligence code, SemanticLimits limits) {
        return new SemanticAnalyzer(limits, clock)
                .analyze(code, workspace, commit, List.of("c.py", "gone.py"), clock.instant());
    }

    @Test
    void asksAboutTheRequestedFilesFirstThenTheChangedOnesThenTheOthersByPath() {
        FakeCodeIntelligence code = new FakeCodeIntelligence(clock).withFunction("lib/d.ts", "twice", 1, 3);

        SemanticResult result = analyze(code, limits(Duration.ofMinutes(5), 200));

        assertThat(code.askedForDiagnostics)
                .as("node_modules is left out, a requested file that is not there too")
                .containsExactly("c.py", "lib/d.ts", "a.py", "b.py");
        assertThat(result.analysis().changedSymbols()).singleElement().satisfies(symbol -> {
            assertThat(symbol.name()).isEqualTo("twice");
            assertThat(symbol.changedLines()).containsExactly(2);
            assertThat(symbol.references()).hasSize(1);
        });
        assertThat(result.analysis().overview())
                .extracting(f -> f.file())
                .containsExactly("c.py", "lib/d.ts", "a.py", "b.py");
        assertThat(result.analysis().baseCommit()).isEqualTo(commit);
        assertThat(result.analysis().notes()).isEmpty();
        assertThat(result.outcome().status()).isEqualTo(ToolStatus.PASSED);
    }

    /** What the fake backend was asked, and what the analysis made of its answers. */
    private record Analyzed(FakeCodeIntelligence code, SemanticResult result) {}

    private Analyzed analyzed(FakeCodeIntelligence code, SemanticLimits limits) {
        return new Analyzed(code, analyze(code, limits));
    }

    private Analyzed withATypeErrorInC() {
        return analyzed(
                new FakeCodeIntelligence(clock).withError("c.py", 2, "\"str\" is not assignable to \"int\""),
                limits(Duration.ofMinutes(5), 200));
    }

    @Test
    void diagnosticsBecomeTheSemanticToolsFindings() {
        SemanticResult result = withATypeErrorInC().result();

        assertThat(result.outcome().tool()).isEqualTo(SemanticAnalyzer.TOOL);
        assertThat(result.outcome().findings()).singleElement().satisfies(finding -> {
            assertThat(finding.file()).isEqualTo("c.py");
            assertThat(finding.line()).isEqualTo(2);
            assertThat(finding.rule()).isEqualTo("pyright");
            assertThat(finding.message()).isEqualTo("\"str\" is not assignable to \"int\"");
        });
    }

    @Test
    void theOutcomeSaysWhatWasCheckedThroughWhichBackend() {
        SemanticResult result = withATypeErrorInC().result();

        assertThat(result.outcome().detail())
                .contains("through fake: checked 4 of 4 source file(s), changed files first");
    }

    private Analyzed withTwoFilesAtMost() {
        return analyzed(
                new FakeCodeIntelligence(clock).withError("a.py", 1, "left out").withError("c.py", 1, "checked"),
                limits(Duration.ofMinutes(5), 2));
    }

    @Test
    void checksNoMoreThanMaxFiles() {
        Analyzed analyzed = withTwoFilesAtMost();

        assertThat(analyzed.code().askedForDiagnostics).containsExactly("c.py", "lib/d.ts");
        assertThat(analyzed.result().outcome().findings())
                .extracting(Finding::message)
                .containsExactly("checked");
        assertThat(analyzed.result().outcome().status()).isEqualTo(ToolStatus.PASSED);
    }

    @Test
    void saysHowManyFilesMaxFilesLeftOut() {
        SemanticResult result = withTwoFilesAtMost().result();

        assertThat(result.outcome().detail()).contains("checked 2 of 4 source file(s)");
        assertThat(result.analysis().notes())
                .containsExactly("diagnostics of 2 of 4 source files (paradise.quality.semantic.max-files)");
    }

    /** Each answer takes 4 s against a budget of 10 s. */
    private Analyzed withASlowBackend() {
        return analyzed(
                new FakeCodeIntelligence(clock).taking(Duration.ofSeconds(4)).withFunction("lib/d.ts", "twice", 1, 3),
                limits(Duration.ofSeconds(10), 200));
    }

    @Test
    void stopsEachPartAtTheTimeBudget() {
        Analyzed analyzed = withASlowBackend();

        assertThat(analyzed.code().askedForDiagnostics)
                .as("asked at 0 s, 4 s and 8 s; at 12 s the 10 s budget is spent")
                .hasSize(3);
        assertThat(analyzed.result().analysis().changedSymbols()).isEmpty();
        assertThat(analyzed.code().askedForReferences).isEmpty();
        assertThat(analyzed.result().outcome().durationMillis()).isEqualTo(12_000);
    }

    @Test
    void namesWhatTheTimeBudgetLeftUndone() {
        SemanticResult result = withASlowBackend().result();

        assertThat(result.analysis().notes())
                .containsExactly(
                        "diagnostics stopped at the time budget (paradise.quality.semantic.time-budget)",
                        "the change description stopped at the time budget (paradise.quality.semantic.time-budget)",
                        "the overview stopped at the time budget (paradise.quality.semantic.time-budget)");
        assertThat(result.outcome().detail()).contains("checked 3 of 4 source file(s)");
    }

    @Test
    void whatWasCheckedWithinTheTimeBudgetCounts() {
        SemanticResult result = withASlowBackend().result();

        assertThat(result.outcome().status())
                .as("what was checked in time counts")
                .isEqualTo(ToolStatus.PASSED);
    }

    @Test
    void isAnErrorWhenNoFileCouldBeChecked() {
        FakeCodeIntelligence code = new FakeCodeIntelligence(clock).failingEverywhere();

        SemanticResult result = analyze(code, limits(Duration.ofMinutes(5), 200));

        assertThat(result.outcome().status()).isEqualTo(ToolStatus.ERROR);
        assertThat(result.outcome().detail())
                .contains("4 file(s) could not be checked, the first: lsp_get_diagnostics on c.py timed out");
        assertThat(result.analysis().notes())
                .contains("lsp_get_diagnostics on b.py timed out", "lsp_get_document_symbols on lib/d.ts timed out");
        assertThat(result.analysis().changedSymbols()).isEmpty();
    }

    private SemanticResult withCFailing() {
        return analyze(
                new FakeCodeIntelligence(clock).failing("c.py").withError("a.py", 1, "found"),
                limits(Duration.ofMinutes(5), 200));
    }

    @Test
    void aFileThatFailsIsANote() {
        SemanticResult result = withCFailing();

        assertThat(result.outcome().detail())
                .contains("1 file(s) could not be checked, the first: lsp_get_diagnostics on c.py timed out");
        assertThat(result.analysis().notes()).containsExactly("lsp_get_diagnostics on c.py timed out");
    }

    @Test
    void theOtherFilesStillCountBesideOneThatFails() {
        SemanticResult result = withCFailing();

        assertThat(result.outcome().status()).isEqualTo(ToolStatus.PASSED);
        assertThat(result.outcome().findings()).extracting(Finding::message).containsExactly("found");
    }

    @Test
    void keepsTheFirstNotesOfABackendThatFailsEverywhereEachCutShort() {
        List<String> many = java.util.stream.IntStream.range(0, 80)
                .mapToObj(i -> i + " " + "x".repeat(i == 0 ? 2_000 : 10))
                .toList();

        List<String> kept = SemanticAnalyzer.bounded(many);

        assertThat(kept).hasSize(SemanticAnalyzer.MAX_NOTES + 1).endsWith("30 more note(s) left out");
        assertThat(kept.get(0)).hasSize(SemanticAnalyzer.MAX_NOTE_CHARS + 1).endsWith("x…");
        assertThat(kept.get(1)).isEqualTo(many.get(1));
    }

    @Test
    void isSkippedWithItsReasonWhenTheInstanceHasNoCodeTools() {
        String why = CodeBackend.whyNoCodeTools(Set.of("echo", "add", "longRunningOperation"))
                .orElseThrow();
        SemanticAnalyzer analyzer = new SemanticAnalyzer(
                limits(Duration.ofMinutes(5), 200), clock, url -> new CodeBackend.Unavailable(why));

        SemanticResult result =
                analyzer.analyze(java.net.URI.create("http://127.0.0.1:9/mcp"), workspace, commit, List.of());

        assertThat(why)
                .startsWith(
                        "the instance offers no semantic code tools (neither lsmcp's [lsp_find_references, "
                                + "lsp_get_diagnostics, lsp_get_document_symbols] nor Serena's [find_referencing_symbols, find_symbol, get_symbols_overview])");
        assertThat(result.outcome().status()).isEqualTo(ToolStatus.SKIPPED);
        assertThat(result.outcome().detail()).isEqualTo(why);
        assertThat(result.outcome().findings()).isEmpty();
        assertThat(result.analysis().skipped()).isEqualTo(why);
        assertThat(result.analysis().backend()).isNull();
    }

    @Test
    void anInstanceWithoutAnMcpEndpointIsSkippedWithoutAConnection() {
        SemanticResult result = new SemanticAnalyzer(limits(Duration.ofMinutes(5), 200), clock)
                .analyze(null, workspace, commit, List.of());

        assertThat(result.outcome().status()).isEqualTo(ToolStatus.SKIPPED);
        assertThat(result.analysis().skipped()).isEqualTo("the instance names no MCP endpoint");
    }

    @Test
    void eitherCompleteToolSetIsEnough() {
        assertThat(CodeBackend.whyNoCodeTools(
                        Set.of("lsp_get_diagnostics", "lsp_get_document_symbols", "lsp_find_references", "echo")))
                .isEmpty();
        assertThat(CodeBackend.whyNoCodeTools(
                        Set.of("find_symbol", "find_referencing_symbols", "get_symbols_overview")))
                .isEmpty();
        assertThat(CodeBackend.whyNoCodeTools(Set.of("lsp_get_diagnostics", "find_symbol")))
                .as("half of each is neither")
                .isPresent();
    }

    @Test
    void aChangeOutsideEverySymbolTouchesNone() throws Exception {
        write("a.py", "def a():\n    return 1\n\nVALUE = 2\n");
        FakeCodeIntelligence code = new FakeCodeIntelligence(clock).withFunction("a.py", "a", 1, 2);

        List<ChangedSymbol> touched =
                analyze(code, limits(Duration.ofMinutes(5), 200)).analysis().changedSymbols();

        assertThat(touched)
                .as("a.py's lines 3 and 4 are below a(); lib/d.ts names no symbol here")
                .isEmpty();
    }
}
