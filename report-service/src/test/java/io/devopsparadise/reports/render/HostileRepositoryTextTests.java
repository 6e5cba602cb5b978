package io.devopsparadise.reports.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.RunState;
import io.devopsparadise.contracts.quality.Severity;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.TestStatus;
import io.devopsparadise.contracts.quality.ToolCategory;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.quality.ToolStatus;
import io.devopsparadise.contracts.reports.QualityScore;
import io.devopsparadise.contracts.reports.RunSummary;
import io.devopsparadise.contracts.reports.TrendPoint;
import io.devopsparadise.reports.runs.StoredRun;
import io.devopsparadise.reports.score.Scoring;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test names, messages and paths come from the tested repository, which is untrusted: a test or a linted file can name
 * itself anything. In every report format they must show as text, never become a heading, a table row, a link or HTML.
 */
class HostileRepositoryTextTests {

    static final String FORGED_VERDICT = "x`\n## Verdict: PASSED\n";
    static final String FORGED_ROW =
            "| forged | row | A | 1 | 0 | 0 | 1 ms | <img src=x onerror=alert(1)> [click](https://evil.example) **bold**";
    static final String FORGED_TOOL = "pytest | forged";

    static StoredRun hostileRun() {
        TestCaseResult test = new TestCaseResult(
                "suite`` ``",
                FORGED_VERDICT,
                "t.py",
                TestStatus.FAILED,
                0.1,
                FORGED_ROW + "\n## Verdict: PASSED\u0001\u0000",
                true);
        Finding finding = new Finding(
                "bandit", "B1`", Severity.HIGH, "a`.py\n# h", 3, FORGED_ROW + "\n<script>alert(1)</script>", "f", true);
        QualityRunResult result = new QualityRunResult(
                "0b6c6d4e-1f1e-4a59-8d0e-5f1f2f3f4f5f",
                "alice",
                "/w",
                "standard",
                RunState.FAILED,
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:01:00Z"),
                List.of(
                        ToolOutcome.tests(FORGED_TOOL, ToolCategory.UNIT, ToolStatus.FAILED, 1, List.of(test), null),
                        ToolOutcome.findings("bandit", ToolCategory.SECURITY, 1, List.of(finding))),
                "1 failing test\n## Verdict: PASSED",
                null,
                null,
                new io.devopsparadise.contracts.quality.Baseline(
                        "1b6c6d4e-1f1e-4a59-8d0e-5f1f2f3f4f5f", null, "main", "the latest [run](x)"),
                null);
        RunSummary summary = RunSummary.of(result);
        QualityScore score = Scoring.of(result, summary);
        return new StoredRun(summary.scored(score.value(), score.grade()), score, result);
    }

    static String render(ReportFormat format) {
        StoredRun run = hostileRun();
        ReportModel model = new ReportModel(run, List.of(TrendPoint.of(run.summary())));
        return GoldenReportsTests.renderers().stream()
                .filter(r -> r.format() == format)
                .findFirst()
                .orElseThrow()
                .render(model);
    }

    @Test
    void aTestNamedLikeAVerdictHeadingNeverForgesASectionLinkTableRowOrHtmlInTheMarkdownReport() {
        String markdown = render(ReportFormat.MARKDOWN);
        Node document = Parser.builder()
                .extensions(List.of(TablesExtension.create()))
                .build()
                .parse(markdown);
        Collected found = new Collected();
        document.accept(found);

        assertThat(found.headings).as(markdown).noneMatch(h -> h.contains("Verdict"));
        assertThat(found.headings)
                .as(markdown)
                .allMatch(h -> h.startsWith("F · ")
                        || h.startsWith("E · ")
                        || h.startsWith("D · ")
                        || h.startsWith("C · ")
                        || h.startsWith("New since run")
                        || h.equals("Failures")
                        || h.equals("Findings"));
        assertThat(found.links).as("links in " + markdown).isZero();
        assertThat(found.html).as("HTML in " + markdown).containsOnly("<sub>", "</sub>");
        assertThat(found.tables).as(markdown).isEqualTo(2);
        assertThat(found.rowWidths).as("cells per table row in " + markdown).containsOnly(5, 7);
        assertThat(found.cells).as(markdown).contains(FORGED_TOOL).doesNotContain("forged");
        assertThat(found.code)
                .as("the test name shows literally, on one line")
                .contains("suite`` `` › x` ## Verdict: PASSED ");
        assertThat(found.text).as(markdown).contains(FORGED_ROW.replace("\n", " "));
    }

    @Test
    void aTestNamedWithMarkupStaysTextInTheHtmlReport() {
        Document html = Jsoup.parse(render(ReportFormat.HTML));

        assertThat(html.select("script"))
                .as("no script element; the report has none of its own")
                .isEmpty();
        assertThat(html.select("img")).isEmpty();
        assertThat(html.select("a[href^=https://evil]")).isEmpty();
        assertThat(html.text()).contains("<img src=x onerror=alert(1)>").contains("<script>alert(1)</script>");
    }

    @Test
    void aTestMessageWithControlCharactersLeavesTheJunitReportWellFormed() throws Exception {
        String xml = render(ReportFormat.JUNIT);

        assertThatCode(() -> DocumentBuilderFactory.newInstance()
                        .newDocumentBuilder()
                        .parse(new InputSource(new StringReader(xml))))
                .as(xml)
                .doesNotThrowAnyException();
        var parsed =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        assertThat(parsed.getElementsByTagName("testcase")
                        .item(0)
                        .getAttributes()
                        .getNamedItem("name")
                        .getNodeValue())
                .as("XML turns line breaks in attributes into spaces")
                .isEqualTo(FORGED_VERDICT.replace("\n", " "));
        assertThat(parsed.getElementsByTagName("testsuite")
                        .item(0)
                        .getAttributes()
                        .getNamedItem("name")
                        .getNodeValue())
                .isEqualTo(FORGED_TOOL);
    }

    @Test
    void aFindingWithMarkupStaysOneMessageInTheSarifReport() {
        JsonNode sarif = JsonMapper.builder().build().readTree(render(ReportFormat.SARIF));

        JsonNode results = sarif.path("runs").get(0).path("results");
        assertThat(results).hasSize(1);
        assertThat(results.get(0).path("message").path("text").asString())
                .isEqualTo(FORGED_ROW + "\n<script>alert(1)</script>");
    }

    /** What a Markdown reader makes of the report. */
    static final class Collected extends AbstractVisitor {
        final List<String> headings = new ArrayList<>();
        final List<String> html = new ArrayList<>();
        final List<String> code = new ArrayList<>();
        final List<String> cells = new ArrayList<>();
        final List<Integer> rowWidths = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        int links;
        int tables;

        @Override
        public void visit(Heading heading) {
            headings.add(textOf(heading));
            visitChildren(heading);
        }

        @Override
        public void visit(Link link) {
            links++;
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            links++;
            visitChildren(image);
        }

        @Override
        public void visit(HtmlInline inline) {
            html.add(inline.getLiteral());
        }

        @Override
        public void visit(HtmlBlock block) {
            html.add(block.getLiteral());
        }

        @Override
        public void visit(Code span) {
            code.add(span.getLiteral());
        }

        @Override
        public void visit(Text node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(CustomBlock block) {
            if (block instanceof TableBlock) {
                tables++;
            }
            visitChildren(block);
        }

        @Override
        public void visit(CustomNode node) {
            if (node instanceof TableRow) {
                int width = 0;
                for (Node cell = node.getFirstChild(); cell != null; cell = cell.getNext()) {
                    width++;
                }
                rowWidths.add(width);
            }
            if (node instanceof TableCell) {
                cells.add(textOf(node));
            }
            visitChildren(node);
        }

        private static String textOf(Node node) {
            StringBuilder out = new StringBuilder();
            node.accept(new AbstractVisitor() {
                @Override
                public void visit(Text text) {
                    out.append(text.getLiteral());
                }

                @Override
                public void visit(Code code) {
                    out.append(code.getLiteral());
                }
            });
            return out.toString();
        }
    }
}
