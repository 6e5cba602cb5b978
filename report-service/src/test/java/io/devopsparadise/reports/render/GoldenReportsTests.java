package io.devopsparadise.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.contracts.reports.TrendPoint;
import io.devopsparadise.reports.SampleRuns;
import io.devopsparadise.reports.runs.StoredRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every renderer against its golden file in src/test/resources/golden, for the sample comprehensive run with the
 * standard run before it as its trend; the HTML, Markdown and JSON reports also for the same run with a test plan and
 * a reused tool result (golden/planned). After an intended change, regenerate them with
 * {@code ./mvnw -pl report-service test -Dtest=GoldenReportsTests -Dgolden.update=true} and review the diff.
 */
class GoldenReportsTests {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static ReportModel sampleModel() {
        return afterThePreviousRun(SampleRuns.stored("current"));
    }

    static ReportModel plannedModel() {
        return afterThePreviousRun(SampleRuns.stored(SampleRuns.planned()));
    }

    private static ReportModel afterThePreviousRun(StoredRun run) {
        StoredRun previous = SampleRuns.stored("previous");
        return new ReportModel(run, List.of(TrendPoint.of(previous.summary()), TrendPoint.of(run.summary())));
    }

    static List<ReportRenderer> renderers() {
        ReportTemplates templates = new ReportTemplates();
        return List.of(
                new HtmlReportRenderer(templates),
                new JsonReportRenderer(),
                new MarkdownReportRenderer(templates),
                new SarifReportRenderer(),
                new JunitReportRenderer());
    }

    static String render(ReportFormat format) {
        return render(format, sampleModel());
    }

    static String render(ReportFormat format, ReportModel model) {
        return renderers().stream()
                .filter(r -> r.format() == format)
                .findFirst()
                .orElseThrow()
                .render(model);
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void rendersTheSampleRunExactlyAsTheGoldenFile(ReportFormat format) throws Exception {
        assertMatchesGolden(GOLDEN.resolve(format.fileName()), render(format));
    }

    @ParameterizedTest
    @EnumSource(
            value = ReportFormat.class,
            names = {"HTML", "MARKDOWN", "JSON"})
    void rendersTheChangedOnlySampleRunExactlyAsItsGoldenFile(ReportFormat format) throws Exception {
        String rendered = render(format, plannedModel());

        assertMatchesGolden(GOLDEN.resolve("planned").resolve(format.fileName()), rendered);
    }

    private static void assertMatchesGolden(Path golden, String rendered) throws Exception {
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, rendered);
        }

        assertThat(golden)
                .as("golden file; create it with -Dgolden.update=true")
                .exists();
        assertThat(rendered).isEqualTo(Files.readString(golden));
    }
}
