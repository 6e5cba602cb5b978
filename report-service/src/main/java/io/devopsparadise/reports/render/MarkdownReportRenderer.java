package io.devopsparadise.reports.render;

import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A Markdown summary sized for a pull-request comment: grade, per-tool table, the first failures and findings, and
 * the code backend's view of the change (the first changed symbols, the first files of the overview).
 */
@Component
public class MarkdownReportRenderer implements ReportRenderer {

    static final int LISTED = 10;
    /** Symbols named per file of the overview; the HTML report names them all. */
    static final int LISTED_SYMBOLS = 12;

    private final ReportTemplates templates;

    MarkdownReportRenderer(ReportTemplates templates) {
        this.templates = templates;
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.MARKDOWN;
    }

    @Override
    public String render(ReportModel model) {
        Map<String, Object> extra = new HashMap<>();
        extra.put("listed", LISTED);
        extra.put("listedSymbols", LISTED_SYMBOLS);
        extra.put("previous", model.previous());
        return templates.render("report.md", model, extra);
    }
}
