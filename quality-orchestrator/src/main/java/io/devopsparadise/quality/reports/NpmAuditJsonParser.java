package io.devopsparadise.quality.reports;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * npm audit's JSON (audit report version 2): per vulnerable package, the advisories it is affected by ("via"
 * objects). A "via" that is a package name points at another vulnerable package, reported on its own, so one
 * finding is one advisory on one package. The rule is the advisory's GHSA id; the file is the lock file.
 */
public final class NpmAuditJsonParser {

    private static final String FORMAT = "npm audit JSON";

    public List<Finding> parse(Path file, String lockFile) {
        return JsonReports.interpreted(FORMAT, file, () -> {
            JsonNode report = JsonReports.read(FORMAT, file);
            if (report.path("auditReportVersion").asInt(0) != 2) {
                throw new ReportParseException(
                        FORMAT, file, "auditReportVersion is not 2; expected 2 (npm 7 or newer)", null);
            }
            List<Finding> findings = new ArrayList<>();
            for (JsonNode vulnerable :
                    JsonReports.require(report, "vulnerabilities", FORMAT, file).values()) {
                String name = vulnerable.path("name").asString("?");
                for (JsonNode via : vulnerable.path("via").values()) {
                    if (via.isObject()) {
                        findings.add(new Finding(
                                "npm-audit",
                                rule(via),
                                severity(via.path("severity").asString(""), file),
                                lockFile,
                                0,
                                name + "@" + via.path("range").asString("") + ": "
                                        + via.path("title").asString("") + " ("
                                        + via.path("url").asString("") + ")"));
                    }
                }
            }
            return findings;
        });
    }

    /** The error npm reports instead of an audit (the registry refused, no lock file), if that is what the file holds. */
    public Optional<String> error(Path file) {
        return JsonReports.interpreted(FORMAT, file, () -> {
            JsonNode report = JsonReports.read(FORMAT, file);
            if (report.has("auditReportVersion")) {
                return Optional.empty();
            }
            JsonNode error = report.path("error");
            String message =
                    report.path("message").asString(error.path("summary").asString(""));
            return Optional.of(message.isBlank() ? "npm audit reported an error and no audit" : message);
        });
    }

    private static String rule(JsonNode via) {
        String url = via.path("url").asString("");
        return url.contains("/advisories/")
                ? url.substring(url.lastIndexOf('/') + 1)
                : "npm-advisory-" + via.path("source").asString("");
    }

    private static Severity severity(String npm, Path file) {
        switch (npm.toLowerCase(Locale.ROOT)) {
            case "critical":
                return Severity.CRITICAL;
            case "high":
                return Severity.HIGH;
            case "moderate":
                return Severity.MEDIUM;
            case "low":
                return Severity.LOW;
            case "info":
                return Severity.INFO;
            default:
                throw new ReportParseException(
                        FORMAT, file, "a severity is none of critical, high, moderate, low, info", null);
        }
    }
}
