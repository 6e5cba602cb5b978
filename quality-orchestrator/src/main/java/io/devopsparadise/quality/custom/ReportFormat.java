package io.devopsparadise.quality.custom;

import java.util.List;

/** The report formats a project's own command may write: those the orchestrator has parsers for. */
public enum ReportFormat {
    JUNIT("junit"),
    COBERTURA("cobertura"),
    SARIF("sarif"),
    PYLINT_JSON("pylint-json"),
    BANDIT_JSON("bandit-json"),
    FLAKE8("flake8");

    /** Formats a tool's main report may have (Cobertura is coverage, given beside a JUnit report). */
    static final List<ReportFormat> REPORTS = List.of(JUNIT, SARIF, PYLINT_JSON, BANDIT_JSON, FLAKE8);

    private final String key;

    ReportFormat(String key) {
        this.key = key;
    }

    /** The name used in configuration. */
    public String key() {
        return key;
    }

    boolean isTests() {
        return this == JUNIT;
    }

    static ReportFormat parse(String field, String value, List<ReportFormat> allowed) {
        return allowed.stream()
                .filter(f -> f.key.equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidCustomToolException(
                        field,
                        "'" + CustomTool.shorten(value) + "' is not one of "
                                + allowed.stream().map(ReportFormat::key).toList()
                                + (value != null && value.equals(COBERTURA.key)
                                        ? " (Cobertura is coverage: give it under coverage, beside a junit report)"
                                        : "")));
    }

    @Override
    public String toString() {
        return key;
    }
}
