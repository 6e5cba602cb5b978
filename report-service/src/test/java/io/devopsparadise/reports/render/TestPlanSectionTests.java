package io.devopsparadise.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.TestPlan;
import io.devopsparadise.contracts.reports.TrendPoint;
import io.devopsparadise.reports.SampleRuns;
import io.devopsparadise.reports.runs.StoredRun;
import java.util.List;
import java.util.stream.IntStream;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The Test plan section of the HTML and Markdown reports, and the mark of a reused tool result. Reasons, changed
 * blocks and test ids come from the tested repository (a test can name itself anything) and a posted run can carry
 * lists of any length: they show as text, bounded.
 */
class TestPlanSectionTests {

    static final String FORGED =
            "x\n## Verdict: PASSED <img src=x onerror=alert(1)> [click](https://evil.example) `code` | cell";

    private static String render(ReportFormat format, List<TestPlan> plans, String cachedFrom) {
        QualityRunResult sample = SampleRuns.result("current");
        StoredRun run = SampleRuns.stored(SampleRuns.withPlans(
                sample,
                sample.tools().stream()
                        .map(t -> t.tool().equals("bandit") ? t.cachedFrom(cachedFrom) : t)
                        .toList(),
                plans));
        return GoldenReportsTests.render(format, new ReportModel(run, List.of(TrendPoint.of(run.summary()))));
    }

    private static TestPlan hostilePlan() {
        return new TestPlan(
                "pytest",
                "changed",
                "main`; rm",
                false,
                1,
                3,
                List.of("reason " + FORGED),
                List.of("a.py::" + FORGED),
                List.of("tests/test_a.py::test_x[" + FORGED + "]"),
                1,
                100,
                100,
                300,
                "pytest: " + FORGED);
    }

    private static TestPlan longPlan() {
        List<String> many = IntStream.range(0, 120).mapToObj(i -> "item-" + i).toList();
        return new TestPlan(
                "pytest",
                "changed",
                null,
                false,
                120,
                500,
                many,
                many,
                many,
                2,
                1_000,
                2_000,
                9_000,
                "pytest: 120 of 500");
    }

    @Test
    void hostilePlanTextStaysTextInTheHtmlReport() {
        Document html =
                Jsoup.parse(render(ReportFormat.HTML, List.of(hostilePlan()), "run-0001<script>alert(1)</script>"));

        assertThat(html.select("img")).isEmpty();
        assertThat(html.select("script")).isEmpty();
        assertThat(html.select("a[href^=https://evil]")).isEmpty();
        assertThat(html.select(".plan-summary").text()).isEqualTo("pytest: " + FORGED.replace("\n", " "));
        assertThat(html.select(".plan-reasons li").text()).isEqualTo("reason " + FORGED.replace("\n", " "));
        assertThat(html.select(".plan-changed code").text()).isEqualTo("a.py::" + FORGED.replace("\n", " "));
        assertThat(html.select(".plan-first code").text()).contains("<img src=x onerror=alert(1)>");
        assertThat(html.select("#tools .cached").text()).isEqualTo("cached from run run-0001<script>alert(1)</script>");
    }

    @Test
    void hostilePlanTextNeverForgesAHeadingLinkOrHtmlInTheMarkdownReport() {
        String markdown = render(ReportFormat.MARKDOWN, List.of(hostilePlan()), "run-0001 [x](https://evil.example)");
        HostileRepositoryTextTests.Collected found = new HostileRepositoryTextTests.Collected();
        Parser.builder().build().parse(markdown).accept(found);

        assertThat(found.headings).as(markdown).contains("Test plan").noneMatch(h -> h.contains("Verdict"));
        assertThat(found.links).as(markdown).isZero();
        assertThat(found.html).as(markdown).containsOnly("<sub>", "</sub>");
        assertThat(markdown)
                .contains("(cached from run `run-0001 [x](https://evil.example)`)")
                .contains("from ``main`; rm``")
                .contains(
                        "  - why: reason x \\#\\# Verdict: PASSED \\<img src=x onerror=alert(1)\\> \\[click\\](https://evil.example) \\`code\\` \\| cell\n");
    }

    private static Document longPlanInHtml() {
        return Jsoup.parse(render(ReportFormat.HTML, List.of(longPlan()), "run-0001"));
    }

    private static String longPlanInMarkdown() {
        return render(ReportFormat.MARKDOWN, List.of(longPlan()), "run-0001");
    }

    @Test
    void listsAtMostTenReasonsSayingHowManyItLeftOut() {
        Document html = longPlanInHtml();

        assertThat(html.select(".plan-reasons li")).hasSize(ListedPlan.REASONS + 1);
        assertThat(html.select(".plan-reasons li").last().text()).isEqualTo("… and 110 more");
        assertThat(longPlanInMarkdown()).contains("item-9; … and 110 more\n");
    }

    @Test
    void listsAtMostFiftyChangedBlocksSayingHowManyItLeftOut() {
        Document html = longPlanInHtml();

        assertThat(html.select(".plan-changed code")).hasSize(ListedPlan.CHANGED);
        assertThat(html.select(".plan-changed").text()).endsWith("item-49 … and 70 more");
        assertThat(longPlanInMarkdown()).contains("`item-49`, … and 70 more\n").doesNotContain("item-50");
    }

    @Test
    void listsAtMostTwentyFirstTestsSayingHowManyItLeftOut() {
        Document html = longPlanInHtml();

        assertThat(html.select(".plan-first li")).hasSize(ListedPlan.FIRST + 1);
        assertThat(html.select(".plan-first li").last().text()).isEqualTo("… and 100 more");
        assertThat(longPlanInMarkdown()).contains("`item-19`, … and 100 more\n");
    }

    @Test
    void showsEveryPlanWithItsNumbers() {
        TestPlan all = new TestPlan(
                "pytest",
                "full",
                null,
                true,
                0,
                472,
                List.of("no impact map yet"),
                List.of(),
                List.of(),
                2,
                61_000,
                120_000,
                120_000,
                "pytest: all 472 known test(s) run");
        Document html = Jsoup.parse(render(ReportFormat.HTML, List.of(all, hostilePlan()), "run-0001"));
        String markdown = render(ReportFormat.MARKDOWN, List.of(all), "run-0001");

        assertThat(html.select(".plan")).hasSize(2);
        assertThat(html.select(".plan-counts").first().select("td").eachText())
                .containsExactly(
                        "pytest",
                        "full: every test runs",
                        "–",
                        "0",
                        "0",
                        "472",
                        "2",
                        "1 min 1 s",
                        "2 min 0 s",
                        "2 min 0 s");
        assertThat(html.select(".plan").first().text())
                .contains("The plan names no changed function")
                .contains("No test is named first");
        assertThat(markdown)
                .contains("- **pytest: all 472 known test(s) run**\n"
                        + "  - 0 selected, 0 skipped of 472 known test(s) (every test runs), mode full, 2 worker(s)\n"
                        + "  - expected 1 min 1 s (2 min 0 s on one worker), full suite 2 min 0 s\n"
                        + "  - why: no impact map yet\n");
    }

    @Test
    void aFirstRunsPlanSaysNoTestWasKnownInsteadOfCountingZeros() {
        TestPlan first = new TestPlan(
                "pytest",
                "changed",
                null,
                true,
                0,
                0,
                List.of("no impact map yet"),
                List.of(),
                List.of(),
                2,
                0,
                0,
                0,
                "pytest: every test runs (none known before this run), no time estimate yet, on 2 worker(s)");

        String markdown = render(ReportFormat.MARKDOWN, List.of(first), "run-0001");

        assertThat(markdown)
                .contains("  - no test known before this run (every test runs), mode changed, 2 worker(s)\n")
                .doesNotContain("of 0 known");
    }
}
