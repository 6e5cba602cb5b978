package io.devopsparadise.reports.render;

/** Renders a run's report in one format. */
public interface ReportRenderer {

    ReportFormat format();

    String render(ReportModel model);
}
