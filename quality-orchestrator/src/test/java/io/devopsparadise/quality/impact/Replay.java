package io.devopsparadise.quality.impact;

import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.TestStatus;
import io.devopsparadise.quality.detection.WorkspaceDetector;
import io.devopsparadise.quality.reports.JunitXmlParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Replays a stretch of a corpus's real history, commit by commit along the first-parent line, as a developer's
 * working tree would move: the impact map is measured once by a full run on the stretch's start, then every commit
 * is checked out and its changed-only run selects and runs its tests (and brings the map up to date). The ground
 * truth is the full suite run plainly on every commit: each test whose outcome differs from the parent's must have
 * run in the commit's selection.
 */
final class Replay {

    private final Path workspace;
    private final Path reports;
    private final LocalRuns runs;

    Replay(Path workspace, Path copies) {
        this.workspace = workspace;
        this.reports = copies.resolve("truth");
        this.runs = new LocalRuns(workspace, copies);
    }

    /**
     * The shortest stretch of first-parent commits ending at HEAD that holds {@code count} commits changing Python
     * files under {@code packageDir}, oldest first.
     */
    List<String> stretch(String packageDir, int count) {
        List<String> stretch = new ArrayList<>();
        int touching = 0;
        for (String commit : git("rev-list", "--first-parent", "HEAD").lines().toList()) {
            stretch.add(0, commit);
            touching += touchesCode(commit, packageDir) ? 1 : 0;
            if (touching == count) {
                break;
            }
        }
        return stretch;
    }

    boolean touchesCode(String commit, String packageDir) {
        return git("diff", "--name-only", commit + "^1", commit, "--", packageDir)
                .lines()
                .anyMatch(f -> f.endsWith(".py"));
    }

    /** Measures the map on the stretch's start; the parent's outcomes for the first step. */
    Map<String, TestStatus> start(String firstCommit) {
        checkout(firstCommit + "^1");
        runs.run(LocalRuns.full());
        return truth().outcomes();
    }

    Step step(String commit, Map<String, TestStatus> before) {
        checkout(commit);
        LocalRuns.Run selected = runs.run(LocalRuns.changed());
        Truth truth = truth();
        Set<String> differing = new TreeSet<>();
        truth.outcomes().forEach((test, status) -> {
            if (before.get(test) != status) {
                differing.add(test);
            }
        });
        Set<String> ran = outcomes(selected.outcome.tests()).keySet();
        Set<String> missed =
                differing.stream().filter(t -> !ran.contains(t)).collect(Collectors.toCollection(TreeSet::new));
        return new Step(commit, selected, truth, differing, missed);
    }

    /** One replayed commit: what was selected and how it went, against the full suite. */
    record Step(String commit, LocalRuns.Run selected, Truth truth, Set<String> differing, Set<String> missed) {

        /**
         * The share of test time the selection saved: the time the selected tests took in the full suite's run against
         * the whole suite's (both measured the same way, without coverage).
         */
        double testTimeSaved() {
            Set<String> ran = outcomes(selected.outcome.tests()).keySet();
            double selectedSeconds = truth.seconds().entrySet().stream()
                    .filter(e -> ran.contains(e.getKey()))
                    .mapToDouble(Map.Entry::getValue)
                    .sum();
            return truth.testSeconds() <= 0 ? 0 : 1 - selectedSeconds / truth.testSeconds();
        }

        @Override
        public String toString() {
            return String.format(
                    "%s %s %d of %d tests in %d ms (full suite %d ms), test time saved %.0f%%, outcomes changed %d, missed %s; %s",
                    commit.substring(0, 10),
                    selected.plan.runAll() ? "all" : "selected",
                    selected.outcome.tests().size(),
                    truth.outcomes().size(),
                    selected.millis,
                    truth.millis(),
                    testTimeSaved() * 100,
                    differing.size(),
                    missed,
                    String.join(" | ", selected.plan.reasons()));
        }
    }

    /** The full suite run plainly on the checked-out commit (no coverage), as the project's own CI runs it. */
    record Truth(Map<String, TestStatus> outcomes, Map<String, Double> seconds, double testSeconds, long millis) {}

    Truth truth() {
        return truth(workspace, reports);
    }

    /** The full suite run plainly in a workspace, its JUnit report written under {@code reports}. */
    static Truth truth(Path workspace, Path reports) {
        try {
            Files.createDirectories(reports);
            Path junit = Files.createTempFile(reports, "truth", ".xml");
            Files.delete(junit);
            List<String> command = new ArrayList<>(
                    List.of(LocalRuns.PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--junitxml=" + junit));
            command.addAll(new WorkspaceDetector().detect(workspace).rules().pytestArgs());
            var result = LocalRuns.run(workspace, command, Map.of(), Duration.ofMinutes(10));
            List<TestCaseResult> tests = Files.exists(junit) ? new JunitXmlParser().parse(junit) : List.of();
            Map<String, Double> seconds = new HashMap<>();
            tests.forEach(
                    test -> seconds.merge(test.suite() + "::" + test.name(), test.durationSeconds(), Double::sum));
            return new Truth(
                    outcomes(tests),
                    seconds,
                    tests.stream().mapToDouble(TestCaseResult::durationSeconds).sum(),
                    result.durationMillis());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Each test case's status, keyed by its JUnit suite and name (a removed test is absent). */
    static Map<String, TestStatus> outcomes(List<TestCaseResult> tests) {
        Map<String, TestStatus> outcomes = new HashMap<>();
        for (TestCaseResult test : tests) {
            outcomes.put(
                    test.suite() + "::" + test.name(),
                    test.status() == TestStatus.ERROR ? TestStatus.FAILED : test.status());
        }
        return outcomes;
    }

    /** The key {@link #outcomes} gives a pytest node id: its JUnit suite (module and classes) and name. */
    static String outcomeKey(String nodeId) {
        int parameters = nodeId.indexOf('[');
        String bare = parameters < 0 ? nodeId : nodeId.substring(0, parameters);
        String[] parts = bare.split("::");
        StringBuilder suite =
                new StringBuilder(parts[0].replaceAll("\\.py$", "").replace('/', '.'));
        for (int i = 1; i < parts.length - 1; i++) {
            suite.append('.').append(parts[i]);
        }
        return suite + "::" + parts[parts.length - 1] + (parameters < 0 ? "" : nodeId.substring(parameters));
    }

    void checkout(String revision) {
        git("checkout", "-q", "--force", "--detach", revision);
        git("clean", "-fdq", "-e", ".paradise");
    }

    String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "advice.detachedHead=false"));
        command.addAll(List.of(args));
        var result = LocalRuns.run(workspace, command, Map.of(), Duration.ofMinutes(2));
        if (result.exitCode() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + ": " + result.stderr());
        }
        return result.stdout();
    }
}
