package io.devopsparadise.quality.gate;

import io.devopsparadise.contracts.quality.ChangedLinesCoverage;
import io.devopsparadise.quality.reports.CoberturaParser;
import io.devopsparadise.quality.reports.ReportParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Measures how much of a change the tests ran: the run's Cobertura reports (pytest's, jest's) give which lines ran,
 * JGit gives which lines changed since the baseline's commit.
 */
public final class ChangedLinesMeasure {

    private static final int LISTED_FILES = 50;
    private static final int LISTED_LINES = 100;

    private ChangedLinesMeasure() {}

    public static Optional<ChangedLinesCoverage> of(
            Path workspace, String workspaceInInstance, Path reportDir, String baseCommit) {
        if (baseCommit == null) {
            return Optional.empty();
        }
        Map<String, Map<Integer, Boolean>> measured =
                measured(new WorkspacePaths(workspace, workspaceInInstance), reportDir);
        if (measured.isEmpty()) {
            return Optional.empty();
        }
        return ChangedLines.since(workspace, baseCommit, measured.keySet())
                .map(changed -> coverage(baseCommit, measured, changed));
    }

    private static ChangedLinesCoverage coverage(
            String baseCommit, Map<String, Map<Integer, Boolean>> measured, Map<String, Set<Integer>> changed) {
        int lines = 0;
        int covered = 0;
        List<ChangedLinesCoverage.FileLines> uncovered = new ArrayList<>();
        for (var file : changed.entrySet()) {
            Map<Integer, Boolean> hits = measured.getOrDefault(file.getKey(), Map.of());
            List<Integer> missed = new ArrayList<>();
            for (int line : file.getValue()) {
                Boolean ran = hits.get(line);
                if (ran != null) {
                    lines++;
                    covered += ran ? 1 : 0;
                    if (!ran) {
                        missed.add(line);
                    }
                }
            }
            if (!missed.isEmpty() && uncovered.size() < LISTED_FILES) {
                uncovered.add(new ChangedLinesCoverage.FileLines(
                        file.getKey(), missed.subList(0, Math.min(LISTED_LINES, missed.size()))));
            }
        }
        return new ChangedLinesCoverage(baseCommit, lines, covered, uncovered);
    }

    /** Per workspace-relative file, per measured line, whether it ran, over every Cobertura report of the run. */
    private static Map<String, Map<Integer, Boolean>> measured(WorkspacePaths paths, Path reportDir) {
        Map<String, Map<Integer, Boolean>> measured = new HashMap<>();
        CoberturaParser parser = new CoberturaParser();
        try (Stream<Path> files = Files.list(reportDir)) {
            for (Path report : files.filter(f -> f.getFileName().toString().endsWith("coverage.xml"))
                    .filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .toList()) {
                CoberturaParser.LineHits hits = parser.lineHits(report);
                hits.files()
                        .forEach((file, lines) -> lines.forEach((line, ran) -> measured.computeIfAbsent(
                                        paths.relative(hits.source(), file), k -> new HashMap<>())
                                .merge(line, ran, Boolean::logicalOr)));
            }
        } catch (IOException | ReportParseException e) {
            return Map.of();
        }
        // the platform's own files in the run's report directory (its pytest plugin) are not the change's
        measured.keySet().removeIf(file -> file == null || file.startsWith(".paradise/"));
        return measured;
    }
}
