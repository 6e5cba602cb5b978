package io.devopsparadise.quality.runners;

import io.devopsparadise.contracts.quality.CoverageResult;
import io.devopsparadise.contracts.quality.FileCoverage;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.quality.flaky.FlakyProperties;
import io.devopsparadise.quality.reportdir.ReportDirectory;
import io.devopsparadise.quality.reportdir.UnsafeReportException;
import io.devopsparadise.quality.reports.JacocoXmlParser;
import io.devopsparadise.quality.reports.JunitXmlParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Maven Surefire with JaCoCo: {@code mvn prepare-agent test report} with test failures reported rather than fatal,
 * then every module's Surefire XML and JaCoCo XML written during this run (older ones in target/ are stale).
 * The workspace's own wrapper (mvnw) is preferred to the instance's Maven. Failed tests are confirmed by Surefire itself
 * ({@code rerunFailingTestsCount}, as many times as {@code paradise.quality.flaky.reruns}): one that passes on a rerun is
 * written as a {@code flakyFailure} and read as FLAKY.
 */
@Component
class MavenRunner extends TestReportsRunner {

    static final String JACOCO = "org.jacoco:jacoco-maven-plugin:0.8.15";
    private static final Set<String> SKIPPED = Set.of(".git", "node_modules", ".paradise", "src");
    private static final int MAX_DEPTH = 6;

    private final FlakyProperties flaky;

    MavenRunner(FlakyProperties flaky) {
        this.flaky = flaky;
    }

    @Override
    public String tool() {
        return "maven";
    }

    @Override
    public boolean appliesTo(RunContext context) {
        return context.workspace().has("maven");
    }

    @Override
    public List<String> command(RunContext context) {
        String maven = context.workspace().has("maven-wrapper")
                ? context.workspaceInInstance() + "/mvnw"
                : context.tools().maven();
        List<String> command =
                new ArrayList<>(List.of(maven, "-B", "--no-transfer-progress", "-Dmaven.test.failure.ignore=true"));
        if (flaky.reruns() > 0) {
            command.add("-Dsurefire.rerunFailingTestsCount=" + flaky.reruns());
        }
        command.addAll(List.of(JACOCO + ":prepare-agent", "test", JACOCO + ":report"));
        return List.copyOf(command);
    }

    @Override
    public String installHint() {
        return "apt-get install maven, or commit the Maven wrapper (mvnw) to the workspace";
    }

    @Override
    Optional<List<TestCaseResult>> testCases(RunContext context) {
        List<Path> reports =
                freshReports(context, "surefire-reports", name -> name.startsWith("TEST-") && name.endsWith(".xml"));
        if (reports.isEmpty()) {
            return Optional.empty();
        }
        JunitXmlParser parser = new JunitXmlParser();
        return Optional.of(reports.stream()
                .flatMap(report -> read(context, report, parser::parse).stream())
                .toList());
    }

    /** A report under target/, read like every report: a bounded copy of a regular file reached without following a link. */
    private static <T> T read(RunContext context, Path report, java.util.function.Function<Path, T> parser) {
        String relative = context.workspace().root().relativize(report).toString();
        Path copy = context.reports()
                .fetchFromWorkspace(relative)
                .orElseThrow(() -> new UnsafeReportException("report " + relative + " disappeared while it was read"));
        return ReportDirectory.parseCopy(relative, copy, parser);
    }

    @Override
    CoverageResult coverage(RunContext context) {
        List<Path> reports = freshReports(context, "jacoco", "jacoco.xml"::equals);
        if (reports.isEmpty()) {
            return null;
        }
        List<FileCoverage> files = new ArrayList<>();
        JacocoXmlParser parser = new JacocoXmlParser();
        reports.forEach(
                report -> files.addAll(read(context, report, parser::parse).files()));
        return new CoverageResult(files);
    }

    /** Reports in a directory of that name under any module's target/, written since the run started. */
    private static List<Path> freshReports(
            RunContext context, String directory, java.util.function.Predicate<String> name) {
        FileTime since = FileTime.from(context.startedAt().minusSeconds(2));
        try (Stream<Path> walk = Files.walk(context.workspace().root(), MAX_DEPTH)) {
            return walk.filter(path -> path.getParent() != null
                            && path.getParent().getFileName().toString().equals(directory))
                    .filter(path -> name.test(path.getFileName().toString()))
                    .filter(path -> context.workspace()
                            .root()
                            .relativize(path)
                            .toString()
                            .contains("target/"))
                    .filter(path -> !skipped(context.workspace().root().relativize(path)))
                    .filter(path -> modified(path).compareTo(since) >= 0)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot look for Maven reports in " + context.workspace().root(), e);
        }
    }

    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            if (SKIPPED.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
