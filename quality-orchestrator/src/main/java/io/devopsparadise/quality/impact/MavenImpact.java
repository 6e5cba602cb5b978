package io.devopsparadise.quality.impact;

import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.quality.ToolStatus;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Maven's tests by a test plan: the test classes a change can break ({@code -Dtest}), ordered by failure
 * likelihood (a JUnit class orderer) and spread over Surefire forks, each failing test streamed the moment it fails,
 * and the impact map brought up to date from per-test-class JaCoCo coverage. Both come from the JUnit probe the run
 * puts on Surefire's test classpath; projects on JUnit 4 or with an argLine of their own that drops JaCoCo's agent
 * still run by plan, selected by the import graph alone.
 */
final class MavenImpact {

    private static final Logger log = LoggerFactory.getLogger(MavenImpact.class);
    static final String TOOL = "maven";
    private static final String COVERAGE_PREFIX = "jacoco-";
    private static final String ORDER_FILE = "test-order.txt";
    /** Longer -Dtest values would pass the kernel's bound on one argument (128 KiB): every test runs instead. */
    static final int MAX_TEST_ARGUMENT = 100_000;

    private final ImpactStore store;
    private final Clock clock;
    private final Duration parallelAbove;

    MavenImpact(ImpactStore store, Clock clock, Duration parallelAbove) {
        this.store = store;
        this.clock = clock;
        this.parallelAbove = parallelAbove;
    }

    ToolOutcome run(
            ToolRunner maven, RunContext context, ImpactRequest request, ToolExec exec, ImpactListener listener) {
        Instant started = clock.instant();
        String key = request.client() + "@" + context.workspace().root();
        List<String> command = new ArrayList<>(maven.command(context));
        Map<String, String> environment = environment(exec, command.get(0));
        String head = ChangeDetector.head(context.workspace().root()).orElse(null);
        Optional<ImpactMap> map = TestImpact.safely(() -> store.find(key, TOOL, head));
        JavaSources sources = JavaSources.of(context.workspace().root());
        Selection selection = JavaTestSelector.select(new JavaTestSelector.Input(
                map, environment, TestImpact.changes(context, map, request), TestImpact.fullReason(request), sources));
        List<String> patterns = selection.runAll() ? List.of() : patterns(selection, sources);
        if (String.join(",", patterns).length() > MAX_TEST_ARGUMENT) {
            selection = Selection.all(
                    "more test classes were selected than one -Dtest can name: every test runs",
                    selection.changedRefs());
            patterns = List.of();
        }
        int cpus = TestEnvironment.probe(
                        context.python(), exec, context.workspace().root())
                .cpus();
        ExecutionPlan plan = ExecutionPlanner.plan(
                TOOL,
                request.changedOnly() ? "changed" : "full",
                request.base(),
                selection,
                map,
                cpus,
                parallelAbove,
                started);
        listener.planned(plan.view());
        Observed observed = new Observed(key, map, environment, head, sources, plan, patterns, started);
        if (plan.runNothing()) {
            remember(observed, new CoverageContexts(Map.of(), Map.of()), List.of(), false, 0);
            return ToolOutcome.skipped(
                    TOOL, maven.category(), "the change reaches no test: " + String.join("; ", selection.reasons()));
        }
        return execute(maven, context, request, exec, listener, command, observed);
    }

    /** What a run was planned from, for bringing the map up to date after it. */
    private record Observed(
            String key,
            Optional<ImpactMap> map,
            Map<String, String> environment,
            String head,
            JavaSources sources,
            ExecutionPlan plan,
            List<String> patterns,
            Instant started) {}

    private ToolOutcome execute(
            ToolRunner maven,
            RunContext context,
            ImpactRequest request,
            ToolExec exec,
            ImpactListener listener,
            List<String> command,
            Observed observed) {
        ExecutionPlan plan = observed.plan();
        context.reports().write(JunitProbeJar.NAME, JunitProbeJar.bytes());
        command.add("-Dmaven.test.additionalClasspath=" + context.reportInInstance(JunitProbeJar.NAME));
        if (!plan.selection().runAll()) {
            List<String> order = classNames(plan.arguments(), observed.sources());
            context.reports().write(ORDER_FILE, String.join("\n", order) + "\n");
            command.add("-Dtest=" + String.join(",", observed.patterns()));
            command.add("-Dsurefire.failIfNoSpecifiedTests=false");
            command.add("-Djunit.jupiter.testclass.order.default=" + JunitProbeJar.ORDER);
        }
        if (plan.workers() > 1) {
            command.addAll(List.of("-DforkCount=" + plan.workers(), "-DreuseForks=true"));
        }
        if (request.failFast()) {
            command.add("-Dsurefire.skipAfterFailureCount=1");
        }
        Map<String, String> env = new HashMap<>(maven.environment(context));
        env.put("PARADISE_TEST_EVENTS", context.reportInInstance(FollowedRun.EVENTS));
        env.put("PARADISE_TEST_COVERAGE", context.reportInInstance(COVERAGE_PREFIX));
        env.put("PARADISE_TEST_ORDER", context.reportInInstance(ORDER_FILE));
        FollowedRun run =
                FollowedRun.of(context.reports(), TOOL, listener, () -> exec.exec(command, env, request.timeout()));
        ExecResult result = run.result();
        List<TestEvent> events = run.events();
        ToolOutcome outcome = onlyClassesThatRan(maven.collect(context, result), events);
        boolean complete = !result.timedOut()
                && result.exitCode() == 0
                && !request.failFast()
                && events.stream().anyMatch(TestEvent::isSessionEnd);
        if (!result.timedOut() && !events.isEmpty()) {
            try {
                List<TestEvent> byClass = byClass(events, observed.sources());
                remember(
                        observed,
                        coverage(context, byClass, observed.sources()),
                        byClass,
                        complete,
                        result.durationMillis());
            } catch (RuntimeException e) {
                log.info("impact map of {} not updated: {}", observed.key(), e.getMessage());
            }
        }
        return TestImpact.described(
                outcome,
                plan.view(),
                request.changedOnly(),
                request.changedOnly() && !plan.selection().runAll());
    }

    /**
     * The outcome with the test classes this run ran only: Surefire's reports of classes it did not run this time stay
     * in target/ from an earlier run, and one written moments before this run started would pass for fresh.
     */
    private static ToolOutcome onlyClassesThatRan(ToolOutcome outcome, List<TestEvent> events) {
        Set<String> ran = events.stream()
                .filter(e -> !e.isSessionEnd())
                .map(e -> topLevelClass(e.id()))
                .collect(Collectors.toSet());
        boolean decided = outcome.status() == ToolStatus.PASSED || outcome.status() == ToolStatus.FAILED;
        if (ran.isEmpty() || outcome.tests() == null || !decided) {
            return outcome;
        }
        List<TestCaseResult> tests = outcome.tests().stream()
                .filter(t -> t.suite() == null || ran.contains(topLevelClass(t.suite())))
                .toList();
        ToolStatus status = tests.stream().anyMatch(TestCaseResult::failing) ? ToolStatus.FAILED : ToolStatus.PASSED;
        return new ToolOutcome(
                outcome.tool(),
                outcome.category(),
                status,
                outcome.durationMillis(),
                outcome.detail(),
                tests,
                outcome.coverage(),
                outcome.findings(),
                outcome.performance(),
                outcome.advisory(),
                outcome.cachedFrom());
    }

    /** The top-level class of a probe's test id ("pkg.Class#method()") or of a report's suite ("pkg.Class$Nested"). */
    private static String topLevelClass(String id) {
        String className = id.contains("#") ? id.substring(0, id.indexOf('#')) : id;
        return className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
    }

    /** The events with each test named by its class's file, as the map keeps tests; classes outside the workspace are left out. */
    private static List<TestEvent> byClass(List<TestEvent> events, JavaSources sources) {
        Map<String, Optional<String>> files = new HashMap<>();
        List<TestEvent> mapped = new ArrayList<>();
        for (TestEvent event : events) {
            if (event.isSessionEnd()) {
                mapped.add(event);
                continue;
            }
            files.computeIfAbsent(topLevelClass(event.id()), sources::fileOfClass)
                    .ifPresent(file -> mapped.add(
                            new TestEvent(file, event.when(), event.outcome(), event.seconds(), event.message())));
        }
        return mapped;
    }

    /** Each test class's lines from its JaCoCo data, and what ran outside every class. */
    private static CoverageContexts coverage(RunContext context, List<TestEvent> events, JavaSources sources) {
        JacocoCoverage jacoco = JacocoCoverage.of(context.workspace().root(), sources);
        Map<String, Map<String, Set<Integer>>> byTest = new HashMap<>();
        for (String file : events.stream()
                .filter(e -> !e.isSessionEnd())
                .map(TestEvent::id)
                .collect(Collectors.toCollection(java.util.TreeSet::new))) {
            sources.className(file)
                    .flatMap(name -> context.reports().fetch(COVERAGE_PREFIX + name + ".exec"))
                    .ifPresent(exec -> byTest.put(file, jacoco.lines(exec)));
        }
        Map<String, Set<Integer>> shared = context.reports()
                .fetch(COVERAGE_PREFIX + "_shared.exec")
                .map(jacoco::lines)
                .orElse(Map.of());
        return new CoverageContexts(byTest, shared);
    }

    private void remember(
            Observed observed, CoverageContexts coverage, List<TestEvent> events, boolean complete, long millis) {
        ExecutionPlan plan = observed.plan();
        try {
            store.save(
                    observed.key(),
                    TOOL,
                    ImpactMapUpdate.apply(
                            observed.map(),
                            new RunObservation(
                                    observed.head(),
                                    observed.environment(),
                                    coverage,
                                    events,
                                    plan.selection().runAll() && complete,
                                    complete || plan.runNothing(),
                                    millis,
                                    plan.workers(),
                                    plan.selection().changedRefs(),
                                    observed.started()),
                            observed.sources()));
        } catch (RuntimeException e) {
            log.info("impact map of {} not stored: {}", observed.key(), e.getMessage());
        }
    }

    /** Surefire's -Dtest patterns of the selected classes: "pkg/Name.java". */
    static List<String> patterns(Selection selection, JavaSources sources) {
        return classNames(List.copyOf(selection.paths()), sources).stream()
                .map(name -> name.replace('.', '/') + ".java")
                .toList();
    }

    /**
     * A Java class name, dotted: what a file name can make of it never reaches Maven's command line otherwise (an
     * option, a second pattern after a comma, "..", a wildcard).
     */
    private static boolean isClassName(String name) {
        return name.length() <= 500 && name.matches("(?:[A-Za-z_$][\\w$]*+\\.)*+[A-Za-z_$][\\w$]*+");
    }

    private static List<String> classNames(List<String> files, JavaSources sources) {
        return files.stream()
                .map(sources::className)
                .flatMap(Optional::stream)
                .filter(MavenImpact::isClassName)
                .toList();
    }

    /** Maven's and Java's versions in the instance ({@code mvn -v}): a map measured under others is not trusted. */
    private static Map<String, String> environment(ToolExec exec, String maven) {
        ExecResult version = exec.exec(List.of(maven, "-v"), Map.of(), Duration.ofMinutes(2));
        Map<String, String> fingerprint = new TreeMap<>();
        version.stdout().lines().limit(20).forEach(line -> {
            if (line.startsWith("Apache Maven")) {
                fingerprint.put("maven", line.strip());
            } else if (line.startsWith("Java version")) {
                fingerprint.put("java", line.strip());
            }
        });
        return fingerprint;
    }
}
