package io.devopsparadise.quality.impact;

import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.contracts.quality.CoverageResult;
import io.devopsparadise.contracts.quality.TestPlan;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.quality.ToolStatus;
import io.devopsparadise.quality.reportdir.WorkspaceText;
import io.devopsparadise.quality.runners.Outcomes;
import io.devopsparadise.quality.runners.PlannedTestRunner;
import io.devopsparadise.quality.runners.RunContext;
import io.devopsparadise.quality.runners.ToolRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a test tool by a test plan: selects what the change can break from the workspace's impact map, orders and
 * spreads it, streams each failing test the moment it fails, and brings the map up to date from the run's per-test
 * coverage. The facade the quality run uses; the parts are package-private.
 */
public final class TestImpact {

    private static final Logger log = LoggerFactory.getLogger(TestImpact.class);
    static final String PLUGIN = "paradise_test_events";
    static final String EVENTS = FollowedRun.EVENTS;
    static final String CONTEXTS = "coverage-contexts.json";
    private static final String PLUGIN_SOURCE = TestEnvironment.resource(PLUGIN + ".py");

    private final ImpactStore store;
    private final Clock clock;
    private final Duration parallelAbove;
    private final MavenImpact maven;

    TestImpact(ImpactStore store, Clock clock, Duration parallelAbove) {
        this.store = store;
        this.clock = clock;
        this.parallelAbove = parallelAbove;
        this.maven = new MavenImpact(store, clock, parallelAbove);
    }

    /** Whether the tool's tests run by a test plan through {@link #runJava}: Maven's (Surefire on the JUnit Platform). */
    public static boolean isJavaTestTool(ToolRunner runner) {
        return MavenImpact.TOOL.equals(runner.tool());
    }

    /** Runs Maven's tests by their plan; the plan goes to the listener before any test starts. */
    public ToolOutcome runJava(
            ToolRunner maven, RunContext context, ImpactRequest request, ToolExec exec, ImpactListener listener) {
        return this.maven.run(maven, context, request, exec, listener);
    }

    /**
     * For each of the given workspace files, the test files whose tests ran its code, the most tests first, from the newest
     * map of each test tool for the client's workspace; a file no map knows is absent.
     */
    public Map<String, List<String>> testFilesRunning(
            String clientId, java.nio.file.Path root, java.util.Collection<String> files) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        String head = ChangeDetector.head(root).orElse(null);
        for (String tool : List.of("pytest", "jest", MavenImpact.TOOL)) {
            safely(() -> store.find(clientId + "@" + root, tool, head))
                    .ifPresent(map -> map.tests()
                            .values()
                            .forEach(test -> test.blocks().stream()
                                    .map(ImpactMap::fileOf)
                                    .filter(files::contains)
                                    .distinct()
                                    .forEach(file -> counts.computeIfAbsent(file, k -> new HashMap<>())
                                            .merge(test.file(), 1, Integer::sum))));
        }
        Map<String, List<String>> byFile = new HashMap<>();
        counts.forEach((file, tests) -> byFile.put(
                file,
                tests.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue()
                                .reversed()
                                .thenComparing(Map.Entry::getKey))
                        .map(Map.Entry::getKey)
                        .toList()));
        return byFile;
    }

    /** The function (method, for Java) each line of a source file belongs to; empty for a language not parsed, null for other lines. */
    public static Optional<java.util.function.IntFunction<String>> functionsOf(String path, String text) {
        if (!SourceParsers.parses(path)) {
            return Optional.empty();
        }
        SourceBlocks blocks = SourceParsers.parse(path, text);
        return Optional.of(line -> {
            String block = blocks.blockAt(line);
            return blocks.functions().contains(block) ? block : null;
        });
    }

    /** Runs the tool by its plan; the plan goes to the listener before any test starts. */
    public ToolOutcome run(
            PlannedTestRunner runner,
            RunContext context,
            ImpactRequest request,
            ToolExec exec,
            ImpactListener listener) {
        Instant started = clock.instant();
        String workspace = request.client() + "@" + context.workspace().root();
        TestEnvironment environment = TestEnvironment.probe(
                context.python(), exec, context.workspace().root());
        String head = ChangeDetector.head(context.workspace().root()).orElse(null);
        Optional<ImpactMap> map = safely(() -> store.find(workspace, runner.tool(), head));
        PythonSources sources = PythonSources.of(context.workspace().root());
        Selection selection = TestSelector.select(new TestSelector.Input(
                map,
                environment.fingerprint(),
                changes(context, map, request),
                fullReason(request),
                docsTested(context),
                doctests(context),
                sources));
        int cpus = environment.xdist() ? environment.cpus() : 1;
        ExecutionPlan plan = ExecutionPlanner.plan(
                runner.tool(),
                request.changedOnly() ? "changed" : "full",
                request.base(),
                selection,
                map,
                cpus,
                parallelAbove,
                started);
        listener.planned(plan.view());
        if (plan.runNothing()) {
            remember(
                    workspace,
                    runner.tool(),
                    map,
                    new RunObservation(
                            head,
                            environment.fingerprint(),
                            new CoverageContexts(Map.of(), Map.of()),
                            List.of(),
                            false,
                            true,
                            0,
                            1,
                            selection.changedRefs(),
                            started),
                    sources);
            return ToolOutcome.skipped(
                    runner.tool(),
                    runner.category(),
                    "the change reaches no test: " + String.join("; ", selection.reasons()));
        }
        return execute(
                runner,
                context,
                request,
                exec,
                listener,
                new Planned(workspace, plan, map, environment, head, sources, started));
    }

    /** A run's plan and what it was made from; {@code key} names the map: the client and the workspace. */
    private record Planned(
            String key,
            ExecutionPlan plan,
            Optional<ImpactMap> map,
            TestEnvironment environment,
            String head,
            PythonSources sources,
            Instant started) {}

    private ToolOutcome execute(
            PlannedTestRunner runner,
            RunContext context,
            ImpactRequest request,
            ToolExec exec,
            ImpactListener listener,
            Planned planned) {
        ExecutionPlan plan = planned.plan();
        context.reports().write(PLUGIN + ".py", PLUGIN_SOURCE);
        List<String> options = new ArrayList<>();
        if (plan.workers() > 1) {
            options.addAll(List.of("-n", String.valueOf(plan.workers())));
        }
        if (request.failFast()) {
            options.add("-x");
        }
        List<String> command = runner.plannedCommand(
                context, List.of(PLUGIN), options, plan.selection().runAll() ? null : plan.arguments());
        Map<String, String> env = new HashMap<>(runner.environment(context));
        env.put("PYTHONPATH", context.reportInInstance("").replaceAll("/$", ""));
        env.put("PARADISE_TEST_EVENTS", context.reportInInstance(EVENTS));
        env.put("COVERAGE_FILE", context.reportInInstance(runner.coverageDataFile()));
        FollowedRun run = FollowedRun.of(
                context.reports(), runner.tool(), listener, () -> exec.exec(command, env, request.timeout()));
        ExecResult result = run.result();
        List<TestEvent> events = run.events();
        ToolOutcome outcome = runner.collect(context, result);
        // complete: pytest ended on its own and says it ran every test it collected (not stopped by -x or --maxfail)
        boolean ended = events.stream().anyMatch(TestEvent::isSessionEnd)
                && events.stream().noneMatch(TestEvent::stoppedEarly);
        boolean complete = !result.timedOut() && (result.exitCode() == 0 || result.exitCode() == 1) && ended;
        if (!result.timedOut() && !events.isEmpty()) {
            updateMap(runner, context, exec, planned, events, complete, result.durationMillis());
        }
        return described(
                outcome,
                plan.view(),
                request.changedOnly(),
                request.changedOnly() && !plan.selection().runAll());
    }

    private void updateMap(
            PlannedTestRunner runner,
            RunContext context,
            ToolExec exec,
            Planned planned,
            List<TestEvent> events,
            boolean complete,
            long millis) {
        String workspace = planned.key();
        try {
            ExecResult json = exec.exec(
                    List.of(
                            context.python(),
                            "-m",
                            "coverage",
                            "json",
                            "--show-contexts",
                            "-q",
                            "--fail-under=0",
                            "--data-file=" + context.reportInInstance(runner.coverageDataFile()),
                            "-o",
                            context.reportInInstance(CONTEXTS)),
                    Map.of(),
                    Duration.ofMinutes(5));
            if (json.exitCode() != 0) {
                log.info("impact map of {} not updated: coverage json exited {}", workspace, json.exitCode());
                return;
            }
            CoverageContexts contexts = context.reports()
                    .parse(CONTEXTS, path -> CoverageContexts.read(path, context.workspaceInInstance()))
                    .orElseThrow(() -> new IllegalStateException("coverage wrote no contexts report"));
            remember(
                    workspace,
                    runner.tool(),
                    planned.map(),
                    new RunObservation(
                            planned.head(),
                            planned.environment().fingerprint(),
                            contexts,
                            events,
                            planned.plan().selection().runAll() && complete,
                            complete,
                            millis,
                            planned.plan().workers(),
                            planned.plan().selection().changedRefs(),
                            planned.started()),
                    planned.sources());
        } catch (RuntimeException e) {
            log.info("impact map of {} not updated: {}", workspace, e.getMessage());
        }
    }

    private void remember(
            String workspace, String tool, Optional<ImpactMap> previous, RunObservation run, PythonSources sources) {
        try {
            store.save(workspace, tool, ImpactMapUpdate.apply(previous, run, sources));
        } catch (RuntimeException e) {
            log.info("impact map of {} not stored: {}", workspace, e.getMessage());
        }
    }

    /**
     * The outcome with the plan in its detail. The platform's own plugin is left out of the coverage; a partial run's
     * coverage is not the project's, so it is left out whole.
     */
    static ToolOutcome described(ToolOutcome outcome, TestPlan plan, boolean changedOnly, boolean partial) {
        String summary = plan.runAll()
                ? "every test ran: " + String.join("; ", plan.reasons())
                : "changed-only: " + plan.selected() + " of " + plan.known() + " known test(s) selected";
        boolean ran = outcome.status() == ToolStatus.PASSED || outcome.status() == ToolStatus.FAILED;
        ToolOutcome noted = changedOnly && ran ? Outcomes.noted(outcome, List.of(summary)) : outcome;
        CoverageResult coverage = noted.coverage() == null
                ? null
                : new CoverageResult(noted.coverage().files().stream()
                        .filter(f -> !isPlatformFile(f.file()))
                        .toList());
        String detail = partial && coverage != null
                ? noted.detail() + "; coverage of a partial run is not the project's: not reported"
                : noted.detail();
        return new ToolOutcome(
                noted.tool(),
                noted.category(),
                noted.status(),
                noted.durationMillis(),
                detail,
                noted.tests(),
                partial ? null : coverage,
                noted.findings(),
                noted.performance(),
                noted.advisory(),
                noted.cachedFrom());
    }

    /** The platform's own files in the workspace (the run's report directory): never the project's code. */
    static boolean isPlatformFile(String file) {
        return file != null && (file.startsWith(".paradise/") || file.contains("/.paradise/"));
    }

    static Optional<List<ChangeSet>> changes(RunContext context, Optional<ImpactMap> map, ImpactRequest request) {
        if (!request.changedOnly() || map.isEmpty()) {
            return Optional.of(List.of());
        }
        List<ChangeSet> changes = new ArrayList<>();
        Optional<ChangeSet> sinceMap =
                ChangeDetector.sinceCommit(context.workspace().root(), map.get().commit());
        if (sinceMap.isEmpty()) {
            return Optional.empty();
        }
        changes.add(sinceMap.get());
        if (request.base() != null) {
            Optional<ChangeSet> sinceBase =
                    ChangeDetector.workingTree(context.workspace().root(), request.base());
            if (sinceBase.isEmpty()) {
                return Optional.empty();
            }
            changes.add(sinceBase.get());
        }
        return Optional.of(changes);
    }

    static String fullReason(ImpactRequest request) {
        if (request.fullReason() != null) {
            return request.fullReason();
        }
        return request.changedOnly()
                ? null
                : "the run asked for every test (not changed-only); it refreshes the impact map";
    }

    /** The project runs doctests of text files (--doctest-glob), so its documentation is test input. */
    private static boolean docsTested(RunContext context) {
        return context.workspace().rules().pytestArgs().stream().anyMatch(arg -> arg.startsWith("--doctest-glob"))
                || List.of("pytest.ini", "pyproject.toml", "setup.cfg", "tox.ini").stream()
                        .anyMatch(file -> WorkspaceText.read(
                                        context.workspace().root(), file, ChangeDetector.MAX_FILE_BYTES)
                                .filter(text -> text.contains("doctest-glob"))
                                .isPresent());
    }

    /** The project collects its modules' doctests (--doctest-modules). */
    private static boolean doctests(RunContext context) {
        return context.workspace().rules().pytestArgs().contains("--doctest-modules")
                || List.of("pytest.ini", "pyproject.toml", "setup.cfg", "tox.ini").stream()
                        .anyMatch(file -> WorkspaceText.read(
                                        context.workspace().root(), file, ChangeDetector.MAX_FILE_BYTES)
                                .filter(text -> text.contains("--doctest-modules"))
                                .isPresent());
    }

    static <T> Optional<T> safely(java.util.function.Supplier<Optional<T>> reading) {
        try {
            return reading.get();
        } catch (RuntimeException e) {
            log.info("impact map unreadable, every test runs: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
