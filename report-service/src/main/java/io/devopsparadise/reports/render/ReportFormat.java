package io.devopsparadise.reports.render;

import java.util.Arrays;
import java.util.Optional;

/** The formats a run's report comes in, by the file name it is served and written as. */
public enum ReportFormat {
    HTML("report.html", "text/html;charset=UTF-8"),
    JSON("report.json", "application/json"),
    MARKDOWN("report.md", "text/markdown;charset=UTF-8"),
    SARIF("report.sarif", "application/sarif+json"),
    JUNIT("report.junit.xml", "application/xml");

    private final String fileName;
    private final String mediaType;

    ReportFormat(String fileName, String mediaType) {
        this.fileName = fileName;
        this.mediaType = mediaType;
    }

    public String fileName() {
        return fileName;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<ReportFormat> byFileName(String name) {
        return Arrays.stream(values()).filter(f -> f.fileName.equals(name)).findFirst();
    }
}
