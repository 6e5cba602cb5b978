package io.devopsparadise.reports.render;

import java.util.Map;
import org.springframework.stereotype.Component;

/** One self-contained HTML file: styles inline, charts as inline SVG, no script and nothing fetched. */
@Component
public class HtmlReportRenderer implements ReportRenderer {

    private final ReportTemplates templates;

    HtmlReportRenderer(ReportTemplates templates) {
        this.templates = templates;
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.HTML;
    }

    @Override
    public String render(ReportModel model) {
        return templates.render(
                "report.html",
                model,
                Map.of(
                        "qualityChart", TrendChart.quality(model.trend()),
                        "findingsChart", TrendChart.findings(model.trend()),
                        "formats", ReportFormat.values()));
    }
}
