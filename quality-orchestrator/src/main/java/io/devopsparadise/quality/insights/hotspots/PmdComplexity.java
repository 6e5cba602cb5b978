package io.devopsparadise.quality.insights.hotspots;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sourceforge.pmd.PMDConfiguration;
import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.reporting.Report;
import net.sourceforge.pmd.reporting.RuleViolation;

/**
 * The cyclomatic complexity of every Java method and constructor, from PMD's CyclomaticComplexity rule (reporting from 1),
 * run in this process on the workspace's sources. They are untrusted input: links are not followed, build output and
 * dependencies are skipped, and at most {@link #MAX_FILES} files of at most {@link #MAX_FILE_BYTES} each are read.
 */
public final class PmdComplexity {

    static final int MAX_FILES = 5_000;
    static final long MAX_FILE_BYTES = 1024 * 1024;
    private static final Set<String> SKIPPED =
            Set.of(".git", "target", "build", "node_modules", ".paradise", ".mvn", ".gradle");
    private static final Pattern MESSAGE =
            Pattern.compile("The (?:method|constructor) '(.{1,300}?)' has a cyclomatic complexity of (\\d{1,6})");
    private static final String RULESET = """
            <?xml version="1.0"?>
            <ruleset name="paradise-complexity" xmlns="http://pmd.sourceforge.net/ruleset/2.0.0"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     xsi:schemaLocation="http://pmd.sourceforge.net/ruleset/2.0.0 https://pmd.sourceforge.io/ruleset_2_0_0.xsd">
              <description>The cyclomatic complexity of every method and constructor</description>
              <rule ref="category/java/design.xml/CyclomaticComplexity">
                <properties>
                  <property name="methodReportLevel" value="1"/>
                  <property name="classReportLevel" value="999999"/>
                </properties>
              </rule>
            </ruleset>
            """;

    private PmdComplexity() {}

    /** Per Java file (relative to the workspace), its methods' complexity; empty when the workspace has no Java source. */
    public static Map<String, FileComplexity> measure(Path workspace) throws IOException {
        List<Path> sources = sources(workspace);
        Map<String, List<FunctionComplexity>> byFile = new LinkedHashMap<>();
        if (sources.isEmpty()) {
            return Map.of();
        }
        PMDConfiguration configuration = new PMDConfiguration();
        configuration.setThreads(1);
        configuration.setIgnoreIncrementalAnalysis(true);
        try (PmdAnalysis pmd = PmdAnalysis.create(configuration)) {
            pmd.addRuleSet(pmd.newRuleSetLoader().loadFromString("paradise-complexity.xml", RULESET));
            sources.forEach(pmd.files()::addFile);
            Report report = pmd.performAnalysisAndCollectReport();
            for (RuleViolation violation : report.getViolations()) {
                Matcher match = MESSAGE.matcher(violation.getDescription());
                if (!match.find()) {
                    continue;
                }
                String file = workspace
                        .relativize(Path.of(violation.getFileId().getAbsolutePath()))
                        .toString()
                        .replace('\\', '/');
                byFile.computeIfAbsent(file, k -> new ArrayList<>())
                        .add(new FunctionComplexity(
                                file, match.group(1), violation.getBeginLine(), Integer.parseInt(match.group(2))));
            }
        }
        Map<String, FileComplexity> files = new LinkedHashMap<>();
        byFile.forEach((file, functions) -> files.put(file, new FileComplexity(file, functions)));
        return files;
    }

    private static List<Path> sources(Path workspace) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(workspace, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return !dir.equals(workspace)
                                && SKIPPED.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()
                        && file.getFileName().toString().endsWith(".java")
                        && attributes.size() <= MAX_FILE_BYTES) {
                    found.add(file);
                }
                return found.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }
}
