package io.devopsparadise.quality.reports;

import io.devopsparadise.contracts.quality.CoverageResult;
import io.devopsparadise.contracts.quality.FileCoverage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

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
            throw new ReportParseException(FORMAT, file, "the root element is not <coverage>", null);
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
                .map(e -> new FileCoverage(
                        e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .toList());
    }

    /**
     * Which lines of each file the report measured and which of them ran: file names as the report gives them,
     * resolved against its first source directory when it names one.
     */
    public LineHits lineHits(Path file) {
        Element root = XmlReports.root(FORMAT, file);
        String source = null;
        for (Element sources : XmlReports.children(root, "sources")) {
            for (Element element : XmlReports.children(sources, "source")) {
                source = source == null ? element.getTextContent().strip() : source;
            }
        }
        Map<String, Map<Integer, Boolean>> files = new LinkedHashMap<>();
        for (Element packages : XmlReports.children(root, "packages")) {
            for (Element pkg : XmlReports.children(packages, "package")) {
                for (Element classes : XmlReports.children(pkg, "classes")) {
                    for (Element cls : XmlReports.children(classes, "class")) {
                        Map<Integer, Boolean> lines = files.computeIfAbsent(
                                String.valueOf(XmlReports.attribute(cls, "filename")), k -> new HashMap<>());
                        for (Element group : XmlReports.children(cls, "lines")) {
                            for (Element line : XmlReports.children(group, "line")) {
                                number(line).ifPresent(n -> lines.merge(n, hits(line) > 0, Boolean::logicalOr));
                            }
                        }
                    }
                }
            }
        }
        return new LineHits(source, files);
    }

    private static java.util.Optional<Integer> number(Element line) {
        try {
            return java.util.Optional.of(Integer.parseInt(String.valueOf(XmlReports.attribute(line, "number"))));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * @param source the report's source directory (null when it names none)
     * @param files  per file, per measured line number, whether it ran
     */
    public record LineHits(String source, Map<String, Map<Integer, Boolean>> files) {}

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
                Matcher conditions =
                        CONDITIONS.matcher(String.valueOf(XmlReports.attribute(line, "condition-coverage")));
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
