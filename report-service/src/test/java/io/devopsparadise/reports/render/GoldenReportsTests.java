package io.devopsparadise.reports.render;

import io.devopsparadise.reports.SampleRuns;
import io.devopsparadise.reports.analysis.TrendPoint;
import io.devopsparadise.reports.store.StoredRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every renderer against its golden file in src/test/resources/golden, for the sample comprehensive run with the
 * standard run before it as its trend. After an intended change, regenerate them with
 * {@code ./mvnw -pl report-service test -Dtest=GoldenReportsTests -Dgolden.update=true} and review the diff.
 */
class GoldenReportsTests {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static ReportModel sampleModel() {
        StoredRun previous = SampleRuns.stored("previous");
        StoredRun current = SampleRuns.stored("current");
        return new ReportModel(current, List.of(TrendPoint.of(previous.summary()), TrendPoint.of(current.summary())));
    }

    static List<ReportRenderer> renderers() {
        ReportTemplates templates = new ReportTemplates();
        return List.of(new HtmlReportRenderer(templates), new JsonReportRenderer(), new MarkdownReportRenderer(templates),
                new SarifReportRenderer(), new JunitReportRenderer());
    }

    static String render(ReportFormat format) {
        return renderers().stream().filter(r -> r.format() == format).findFirst().orElseThrow().render(sampleModel());
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void rendersTheSampleRunExactlyAsTheGoldenFile(ReportFormat format) throws Exception {
        String rendered = render(format);
        Path golden = GOLDEN.resolve(format.fileName());
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, rendered);
        }

        assertThat(golden).as("golden file; create it with -Dgolden.update=true").exists();
        assertThat(rendered).isEqualTo(Files.readString(golden));
    }
}
