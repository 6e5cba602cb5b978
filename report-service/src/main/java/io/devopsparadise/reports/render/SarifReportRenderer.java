package io.devopsparadise.reports.render;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.ToolDigest;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.quality.ToolStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * SARIF 2.1.0: one run per lint, semantic or security tool that ran (an empty results list means it found nothing), every
 * finding a result with its rule, level and, when the tool named one, its file (relative to %SRCROOT%, the
 * workspace), line and column. The run's quality score and grade ride in the log's property bag.
 */
@Component
public class SarifReportRenderer implements ReportRenderer {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private final JsonMapper json =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Override
    public ReportFormat format() {
        return ReportFormat.SARIF;
    }

    @Override
    public String render(ReportModel model) {
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        List<Object> runs = new ArrayList<>();
        String root = model.run().summary().workspace();
        for (ToolOutcome tool : model.tools()) {
            if (ToolDigest.of(tool).reportsFindings() && tool.status() == ToolStatus.PASSED) {
                runs.add(run(tool, root.endsWith("/") ? root : root + "/"));
            }
        }
        log.put("runs", runs);
        var score = model.run().score();
        log.put(
                "properties",
                ordered(
                        "paradise.runId",
                        model.run().summary().id(),
                        "paradise.score",
                        score.value(),
                        "paradise.grade",
                        score.grade()));
        return json.writeValueAsString(log) + "\n";
    }

    private static Map<String, Object> run(ToolOutcome tool, String workspace) {
        List<String> ruleIds = tool.findings().stream()
                .map(SarifReportRenderer::ruleId)
                .distinct()
                .sorted()
                .toList();
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", tool.tool());
        driver.put("rules", ruleIds.stream().map(id -> ordered("id", id)).toList());
        List<Object> results = new ArrayList<>();
        for (Finding finding : tool.findings()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ruleId", ruleId(finding));
            result.put("ruleIndex", ruleIds.indexOf(ruleId(finding)));
            result.put("level", finding.severity().sarifLevel());
            result.put("message", ordered("text", finding.message()));
            if (finding.file() != null && !finding.file().isBlank()) {
                Map<String, Object> physical = new LinkedHashMap<>();
                physical.put("artifactLocation", ordered("uri", relative(finding.file()), "uriBaseId", "%SRCROOT%"));
                if (finding.line() > 0) {
                    physical.put(
                            "region",
                            finding.column() == null
                                    ? ordered("startLine", finding.line())
                                    : ordered("startLine", finding.line(), "startColumn", finding.column()));
                }
                result.put("locations", List.of(ordered("physicalLocation", physical)));
            }
            if (finding.fingerprint() != null) {
                result.put("partialFingerprints", ordered("paradiseLineHash/v1", finding.fingerprint()));
            }
            if (finding.introduced() != null) {
                result.put("baselineState", finding.wasIntroduced() ? "new" : "unchanged");
            }
            result.put(
                    "properties",
                    tool.advisory()
                            ? ordered("severity", finding.severity().name(), "advisory", true)
                            : ordered("severity", finding.severity().name()));
            results.add(result);
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", ordered("driver", driver));
        run.put("originalUriBaseIds", ordered("%SRCROOT%", ordered("uri", "file://" + workspace)));
        run.put("results", results);
        return run;
    }

    /** Map.of's order changes from one JVM to the next; reports must not. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String ruleId(Finding finding) {
        return finding.rule() == null || finding.rule().isBlank() ? finding.tool() : finding.rule();
    }

    /** Tools write "./a.py" or "a.py"; SARIF wants a relative URI reference. */
    private static String relative(String file) {
        String path = file.startsWith("./") ? file.substring(2) : file;
        return path.replace(" ", "%20");
    }
}
