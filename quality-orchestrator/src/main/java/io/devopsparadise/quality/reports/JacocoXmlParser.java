package io.devopsparadise.quality.reports;

import io.devopsparadise.contracts.quality.CoverageResult;
import io.devopsparadise.contracts.quality.FileCoverage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * JaCoCo's XML report: groups (aggregate reports) hold packages, packages hold source files, each with a LINE and a
 * BRANCH counter of missed and covered. A file is named by its package path, as a Java source root would hold it.
 */
public final class JacocoXmlParser {

    private static final String FORMAT = "JaCoCo XML";

    public CoverageResult parse(Path file) {
        Element root = XmlReports.root(FORMAT, file);
        if (!root.getTagName().equals("report")) {
            throw new ReportParseException(FORMAT, file, "the root element is not <report>", null);
        }
        List<FileCoverage> files = new ArrayList<>();
        collect(root, files, file);
        return new CoverageResult(files);
    }

    private static void collect(Element container, List<FileCoverage> files, Path file) {
        XmlReports.children(container, "group").forEach(group -> collect(group, files, file));
        for (Element pkg : XmlReports.children(container, "package")) {
            String packagePath = XmlReports.attribute(pkg, "name");
            for (Element source : XmlReports.children(pkg, "sourcefile")) {
                String name = XmlReports.attribute(source, "name");
                if (name == null) {
                    throw new ReportParseException(FORMAT, file, "a <sourcefile> has no name", null);
                }
                int[] lines = counter(source, "LINE", file);
                int[] branches = counter(source, "BRANCH", file);
                String path = packagePath == null || packagePath.isEmpty() ? name : packagePath + "/" + name;
                files.add(
                        new FileCoverage(path, lines[1], lines[0] + lines[1], branches[1], branches[0] + branches[1]));
            }
        }
    }

    /** {missed, covered}; a file without branches has no BRANCH counter. */
    private static int[] counter(Element source, String type, Path file) {
        for (Element counter : XmlReports.children(source, "counter")) {
            if (type.equals(counter.getAttribute("type"))) {
                int missed;
                int covered;
                try {
                    missed = Integer.parseInt(counter.getAttribute("missed"));
                    covered = Integer.parseInt(counter.getAttribute("covered"));
                } catch (NumberFormatException e) {
                    throw new ReportParseException(
                            FORMAT, file, "a " + type + " counter has a count that is not a number", e);
                }
                if (missed < 0 || covered < 0 || (long) missed + covered > Integer.MAX_VALUE) {
                    throw new ReportParseException(
                            FORMAT, file, "a " + type + " counter has a negative or impossibly large count", null);
                }
                return new int[] {missed, covered};
            }
        }
        return new int[] {0, 0};
    }
}
