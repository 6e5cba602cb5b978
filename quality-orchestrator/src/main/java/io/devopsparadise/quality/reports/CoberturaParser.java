package io.devopsparadise.quality.reports;

import io.devopsparadise.contracts.quality.CoverageResult;
import io.devopsparadise.contracts.quality.FileCoverage;
import org.w3c.dom.Element;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cobertura XML (coverage.py, jest's cobertura reporter): per class a file name and its lines; a branch line
 * carries {@code condition-coverage="50% (1/2)"}. Classes of one file are merged.
 */
public final class CoberturaParser {

    private static final String FORMAT = "Cobertura XML";
    private static final Pattern CONDITIONS = Pattern.compile("\\((\\d+)/(\\d+)\\)");

    public CoverageResult parse(Path file) {
        Element root = XmlReports.root(FORMAT, file);
        if (!root.getTagName().equals("coverage")) {
            throw new ReportParseException(FORMAT, file, "the root element is <" + root.getTagName() + ">, not <coverage>", null);
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Element packages : XmlReports.children(root, "packages")) {
            for (Element pkg : XmlReports.children(packages, "package")) {
                for (Element classes : XmlReports.children(pkg, "classes")) {
                    XmlReports.children(classes, "class").forEach(cls -> count(cls, counts, file));
                }
            }
        }
        return new CoverageResult(counts.entrySet().stream()
                .map(e -> new FileCoverage(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .toList());
    }

    private static void count(Element cls, Map<String, int[]> counts, Path file) {
        String name = XmlReports.attribute(cls, "filename");
        if (name == null) {
            throw new ReportParseException(FORMAT, file, "a <class> has no filename", null);
        }
        int[] total = counts.computeIfAbsent(name, key -> new int[4]);
        for (Element lines : XmlReports.children(cls, "lines")) {
            for (Element line : XmlReports.children(lines, "line")) {
                total[1]++;
                if (hits(line) > 0) {
                    total[0]++;
                }
                Matcher conditions = CONDITIONS.matcher(String.valueOf(XmlReports.attribute(line, "condition-coverage")));
                if ("true".equals(XmlReports.attribute(line, "branch")) && conditions.find()) {
                    total[2] += Integer.parseInt(conditions.group(1));
                    total[3] += Integer.parseInt(conditions.group(2));
                }
            }
        }
    }

    private static long hits(Element line) {
        try {
            return Long.parseLong(String.valueOf(XmlReports.attribute(line, "hits")));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
