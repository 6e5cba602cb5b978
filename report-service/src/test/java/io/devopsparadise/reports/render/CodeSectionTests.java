package io.devopsparadise.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.SemanticAnalysis;
import io.devopsparadise.contracts.quality.SemanticAnalysis.ChangedSymbol;
import io.devopsparadise.contracts.quality.SemanticAnalysis.CodeSymbol;
import io.devopsparadise.contracts.quality.SemanticAnalysis.FileSymbols;
import io.devopsparadise.contracts.quality.SemanticAnalysis.SymbolReference;
import io.devopsparadise.contracts.quality.Severity;
import io.devopsparadise.contracts.quality.ToolCategory;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.reports.QualityScore;
import io.devopsparadise.contracts.reports.RunSummary;
import io.devopsparadise.contracts.reports.TrendPoint;
import io.devopsparadise.reports.SampleRuns;
import io.devopsparadise.reports.runs.StoredRun;
import io.devopsparadise.reports.score.Scoring;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * The Code section of the Markdown report: the code backend's changed symbols and overview, bounded for a pull-request
 * comment, and what the analysis left out or why there is none.
 */
class CodeSectionTests {

    private static String markdown(SemanticAnalysis semantic) {
        QualityRunResult sample = SampleRuns.result("current");
        List<ToolOutcome> tools = new ArrayList<>(sample.tools());
        tools.add(ToolOutcome.findings(
                "semantic",
                ToolCategory.SEMANTIC,
                1_200,
                List.of(new Finding(
                        "semantic",
                        "pyright",
                        Severity.MEDIUM,
                        "shop/cart.py",
                        12,
                        19,
                        "Argument of type \"Literal['a']\" …"))));
        QualityRunResult result = new QualityRunResult(
                sample.id(),
                sample.clientId(),
                sample.workspace(),
                sample.profile(),
                sample.state(),
                sample.startedAt(),
                sample.finishedAt(),
                tools,
                sample.verdict(),
                sample.gitCommit(),
                sample.gitBranch(),
                null,
                null,
                semantic);
        RunSummary summary = RunSummary.of(result);
        QualityScore score = Scoring.of(result, summary);
        StoredRun run = new StoredRun(summary.scored(score.value(), score.grade()), score, result);
        return new MarkdownReportRenderer(new ReportTemplates())
                .render(new ReportModel(run, List.of(TrendPoint.of(run.summary()))));
    }

    private static String section(String markdown) {
        int start = markdown.indexOf("### Code");
        assertThat(start).as(markdown).isNotNegative();
        return markdown.substring(start, markdown.indexOf("<sub>Run", start));
    }

    @Test
    void rendersWhatTheCodeBackendSaysAboutTheChange() {
        SemanticAnalysis semantic = new SemanticAnalysis(
                "lsmcp",
                null,
                "2222222222ddddddddddeeee",
                List.of(
                        new ChangedSymbol(
                                "shop/cart.py",
                                "total",
                                "Method",
                                "Cart",
                                10,
                                18,
                                List.of(12, 13),
                                List.of(new SymbolReference("shop/api.py", 4, 9))),
                        new ChangedSymbol("shop/cart.py", "discount", "Function", "", 20, 24, List.of(21), null)),
                List.of(
                        new FileSymbols(
                                "shop/cart.py",
                                List.of(
                                        new CodeSymbol("Cart", "Class", "", 3, 18),
                                        new CodeSymbol("total", "Method", "Cart", 10, 18)),
                                false),
                        new FileSymbols("shop/__init__.py", List.of(), false)),
                List.of("references of 1 of 2 changed symbols (paradise.quality.semantic.max-changed-symbols)"));

        String code = section(markdown(semantic));

        assertThat(code).isEqualTo("""
                ### Code

                From the client's code backend (`lsmcp`), the change measured against `2222222222`.

                Symbols the change touches:

                - `Cart.total` (method) `shop/cart.py:10-18`: 2 changed line(s), referenced from 1 place(s)
                - `discount` (function) `shop/cart.py:20-24`: 1 changed line(s), references not looked up

                Overview:

                - `shop/cart.py`: `Cart` (class), `Cart.total` (method)
                - `shop/__init__.py`: no function or class

                - references of 1 of 2 changed symbols (paradise.quality.semantic.max-changed-symbols)

                """);
    }

    /** The Code section of an analysis with more of everything than the report lists, and no base commit. */
    private static String codeOfALargeAnalysis() {
        List<ChangedSymbol> changed = IntStream.range(0, 25)
                .mapToObj(i ->
                        new ChangedSymbol("m.py", "f" + i, "Function", "", i + 1, i + 1, List.of(i + 1), List.of()))
                .toList();
        List<CodeSymbol> many = IntStream.range(0, 30)
                .mapToObj(i -> new CodeSymbol("f" + i, "Function", "", i + 1, i + 1))
                .toList();
        List<FileSymbols> overview = IntStream.range(0, 15)
                .mapToObj(i -> new FileSymbols("m" + i + ".py", many, i == 0))
                .toList();
        List<String> notes = IntStream.range(0, 14).mapToObj(i -> "note " + i).toList();

        return section(markdown(new SemanticAnalysis("lsmcp", null, null, changed, overview, notes)));
    }

    @Test
    void listsTheFirstChangedSymbolsSayingHowManyMoreThereAre() {
        String code = codeOfALargeAnalysis();

        assertThat(code.lines().filter(l -> l.startsWith("- `f"))).hasSize(MarkdownReportRenderer.LISTED);
        assertThat(code).contains("- … and 15 more changed symbols\n");
    }

    @Test
    void listsTheFirstFilesSayingHowManyMoreThereAre() {
        String code = codeOfALargeAnalysis();

        assertThat(code.lines().filter(l -> l.startsWith("- `m")).toList()).hasSize(MarkdownReportRenderer.LISTED);
        assertThat(code).contains("- … and 5 more files\n");
    }

    @Test
    void listsTheFirstSymbolsOfEachFile() {
        assertThat(codeOfALargeAnalysis()
                        .lines()
                        .filter(l -> l.startsWith("- `m"))
                        .toList())
                .allSatisfy(line -> {
                    assertThat(line.split("\\(function\\)", -1))
                            .as(line)
                            .hasSize(MarkdownReportRenderer.LISTED_SYMBOLS + 1);
                    assertThat(line).endsWith("`f11` (function), …");
                });
    }

    @Test
    void listsTheFirstNotesSayingHowManyMoreThereAre() {
        assertThat(codeOfALargeAnalysis()).contains("- … and 4 more notes\n");
    }

    @Test
    void anAnalysisWithoutABaseCommitNamesNone() {
        assertThat(codeOfALargeAnalysis()).doesNotContain("the change measured against");
    }

    @Test
    void saysWhyThereIsNoAnalysis() {
        String code = section(markdown(SemanticAnalysis.skipped(
                "the instance offers no semantic code tools (neither lsmcp's [lsp_get_diagnostics])")));

        assertThat(code)
                .isEqualTo(
                        "### Code\n\nNo semantic analysis: the instance offers no semantic code tools (neither lsmcp's "
                                + "\\[lsp\\_get\\_diagnostics\\])\n\n");
    }

    @Test
    void aRunWithoutASemanticStepHasNoCodeSection() {
        assertThat(markdown(null)).doesNotContain("### Code");
    }

    private record Parsed(String markdown, List<String> headings, int links) {}

    /** The Markdown report of an analysis whose every name from the repository tries to forge Markdown, parsed. */
    private static Parsed reportOfForgedNames() {
        String forged = "x`\n## Verdict: PASSED [click](https://evil.example)";
        SemanticAnalysis semantic = new SemanticAnalysis(
                "lsmcp\n# forged",
                null,
                null,
                List.of(new ChangedSymbol("a`.py\n# h", forged, "Function\n## kind", forged, 1, 2, List.of(1), null)),
                List.of(new FileSymbols(
                        forged, List.of(new CodeSymbol(forged, "Class](https://evil.example)", forged, 1, 2)), false)),
                List.of("note\n## Verdict: PASSED"));

        String markdown = markdown(semantic);

        List<String> headings = new ArrayList<>();
        int[] links = {0};
        Parser.builder().build().parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                StringBuilder text = new StringBuilder();
                heading.accept(new AbstractVisitor() {
                    @Override
                    public void visit(Text node) {
                        text.append(node.getLiteral());
                    }
                });
                headings.add(text.toString());
            }

            @Override
            public void visit(org.commonmark.node.Link link) {
                links[0]++;
            }
        });
        return new Parsed(markdown, headings, links[0]);
    }

    @Test
    void namesFromTheRepositoryNeverForgeAHeading() {
        Parsed report = reportOfForgedNames();

        assertThat(report.headings())
                .as(report.markdown())
                .noneMatch(h -> h.contains("Verdict") || h.contains("forged") || h.contains("kind"));
        assertThat(report.headings()).as(report.markdown()).contains("Code");
    }

    @Test
    void namesFromTheRepositoryNeverForgeALink() {
        Parsed report = reportOfForgedNames();

        assertThat(report.links()).as(report.markdown()).isZero();
    }
}
