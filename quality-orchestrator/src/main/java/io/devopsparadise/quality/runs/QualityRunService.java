package io.devopsparadise.quality.runs;

import io.devopsparadise.contracts.instances.Engine;
import io.devopsparadise.contracts.instances.InstanceView;
import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.RunDigest;
import io.devopsparadise.contracts.quality.RunRequest;
import io.devopsparadise.contracts.quality.RunState;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.TestPlan;
import io.devopsparadise.contracts.quality.ToolCategory;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.quality.ToolStatus;
import io.devopsparadise.quality.custom.CustomCommands;
import io.devopsparadise.quality.custom.RunPlan;
import io.devopsparadise.quality.detection.DetectedWorkspace;
import io.devopsparadise.quality.detection.WorkspaceDetector;
import io.devopsparadise.quality.exec.InstanceManagerClient;
import io.devopsparadise.quality.flaky.FailureReruns;
import io.devopsparadise.quality.flaky.FlakyProperties;
import io.devopsparadise.quality.gate.BaselineChoice;
import io.devopsparadise.quality.gate.BaselineSource;
import io.devopsparadise.quality.gate.ChangedLinesMeasure;
import io.devopsparadise.quality.gate.Fingerprints;
import io.devopsparadise.quality.gate.Gate;
import io.devopsparadise.quality.impact.ImpactListener;
import io.devopsparadise.quality.impact.ImpactRequest;
import io.devopsparadise.quality.impact.JestImpact;
import io.devopsparadise.quality.impact.TestImpact;
import io.devopsparadise.quality.impact.ToolExec;
import io.devopsparadise.quality.impact.ToolResultCache;
import io.devopsparadise.quality.profiles.QualityProfile;
import io.devopsparadise.quality.profiles.QualityProfiles;
import io.devopsparadise.quality.profiles.QualityProperties;
import io.devopsparadise.quality.reportdir.ReportDirectory;
import io.devopsparadise.quality.runners.PlannedTestRunner;
import io.devopsparadise.quality.runners.RerunnableTestRunner;
import io.devopsparadise.quality.runners.RunContext;
import io.devopsparadise.quality.runners.ToolRunner;
import io.devopsparadise.quality.runners.Toolbox;
import io.devopsparadise.quality.semantic.SemanticAnalyzer;
import io.devopsparadise.quality.semantic.SemanticResult;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Starts quality runs: detects the workspace, picks the profile's tools, runs them inside the client's instance
 * (independent tools in parallel on a bounded pool, each with its timeout), reads their reports, and judges the
 * result against the profile. Progress goes out as events.
 */
@Service
public class QualityRunService {

    private static final Logger log = LoggerFactory.getLogger(QualityRunService.class);

    private final QualityProfiles profiles;
    private final List<ToolRunner> runners;
    private final WorkspaceDetector detector;
    private final InstanceManagerClient manager;
    private final QualityEventBus events;
    private final QualityProperties properties;
    private final Clock clock;
    private final FinishedRuns finished;
    private final BaselineSource baselines;
    private final CustomCommands customCommands;
    private final SemanticAnalyzer semantic;
    private final TestImpact impact;
    private final FailureReruns reruns;
    private final ToolResultCache cache;
    /** Runs in progress only: a finished run is on disk (see {@link FinishedRuns}). */
    private final LiveRuns runs;

    private final ExecutorService coordinators;
    private final FairToolPool tools;
    private final ActiveRuns active;

    QualityRunService(
            QualityProfiles profiles,
            List<ToolRunner> runners,
            WorkspaceDetector detector,
            InstanceManagerClient manager,
            QualityEventBus events,
            QualityProperties properties,
            Clock clock,
            FinishedRuns finished,
            BaselineSource baselines,
            CustomCommands customCommands,
            TestImpact impact,
            ToolResultCache cache,
            FlakyProperties flaky) {
        this.reruns = new FailureReruns(flaky);
        this.impact = impact;
        this.cache = cache;
        this.finished = finished;
        this.customCommands = customCommands;
        this.baselines = baselines;
        this.profiles = profiles;
        this.runners = runners;
        this.detector = detector;
        this.manager = manager;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.tools = new FairToolPool(properties.parallelTools());
        this.semantic = new SemanticAnalyzer(properties.semantic(), clock);
        this.active = new ActiveRuns(properties.maxRunsPerClient(), properties.maxActiveRuns());
        this.runs = new LiveRuns(properties.maxActiveRuns());
        // admission bounds the runs queued or running; their coordinators are bounded the same, and idle ones end
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                properties.maxActiveRuns(),
                properties.maxActiveRuns(),
                60,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                daemon("quality-run"));
        pool.allowCoreThreadTimeOut(true);
        this.coordinators = pool;
    }

    public QualityRunResult start(RunRequest request) {
        if (request.clientId() == null || request.clientId().isBlank()) {
            throw new IllegalArgumentException("clientId is required");
        }
        ImpactRequest.checkBase(request.base() == null || request.base().isBlank() ? null : request.base());
        QualityProfile configured = profiles.get(request.profile());
        QualityProfile profile = request.wantsChangedOnly() ? configured.withChangedOnly() : configured;
        InstanceView instance =
                manager.findByClient(request.clientId()).orElseThrow(() -> new NoInstanceException(request.clientId()));
        BaselineChoice choice = request.baseline() == null || request.baseline().isBlank()
                ? null
                : BaselineChoice.parse(request.baseline(), null);
        QualityRun run = new QualityRun(
                UUID.randomUUID().toString(),
                request.clientId(),
                instance.workspace(),
                profile.name(),
                clock.instant());
        active.admit(run);
        try {
            runs.add(run);
            String base = request.base() == null || request.base().isBlank() ? null : request.base();
            coordinators.execute(() -> execute(run, profile, instance, request.changedFiles(), choice, base));
        } catch (RuntimeException e) {
            runs.remove(run.id());
            active.release(run);
            throw e;
        }
        return run.snapshot();
    }

    /** A run in progress, or a finished one whose result the report-service has not acknowledged yet. */
    public QualityRunResult get(String id) {
        QualityRun active = runs.get(id);
        if (active != null) {
            return active.snapshot();
        }
        return finished.result(id).orElseThrow(() -> notFound(id));
    }

    /** The whole result as gzip-compressed JSON when the run is finished and not yet acknowledged; empty for a run in progress. */
    Optional<byte[]> compressedResult(String id) {
        return runs.contains(id) ? Optional.empty() : finished.compressedResult(id);
    }

    public RunDigest digest(String id) {
        QualityRun active = runs.get(id);
        if (active != null) {
            return RunDigests.of(active.snapshot(), false);
        }
        return finished.digest(id).orElseThrow(() -> new RunNotFoundException(id));
    }

    /** Digests of the runs in progress, then of the finished ones, newest first. */
    public List<RunDigest> list(String clientId, boolean pending, int limit) {
        List<RunDigest> digests = new ArrayList<>(runs.all().stream()
                .filter(r -> clientId == null || r.clientId().equals(clientId))
                .map(r -> RunDigests.of(r.snapshot(), false))
                .sorted(Comparator.comparing(RunDigest::startedAt).reversed())
                .toList());
        if (pending) {
            digests.clear();
        }
        digests.addAll(finished.digests(clientId, pending, limit));
        return digests.size() > limit ? List.copyOf(digests.subList(0, limit)) : digests;
    }

    /** The report-service stored the run: its result leaves this service's disk. */
    public RunDigest acknowledge(String id) {
        QualityRun kept = runs.get(id);
        if (kept != null && kept.isFinished() && finished.digest(id).isEmpty()) {
            // finished, but writing it to disk failed: the report-service has it now, so memory can let it go
            runs.remove(id);
            return RunDigests.of(kept.snapshot(), true);
        }
        if (!finished.acknowledge(id, clock.instant())) {
            throw runs.contains(id) ? new RunStillActiveException(id) : new RunNotFoundException(id);
        }
        return digest(id);
    }

    public RunDigest cancel(String id) {
        QualityRun run = runs.get(id);
        if (run == null) {
            return digest(id);
        }
        run.finish(RunState.CANCELLED, "cancelled on request", clock.instant());
        return RunDigests.of(run.snapshot(), false);
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    void prune() {
        int pruned = finished.prune(clock.instant().minus(properties.retention()));
        if (pruned > 0) {
            log.info("forgot {} stored run(s) older than {}", pruned, properties.retention());
        }
    }

    private RunNotFoundException notFound(String id) {
        return finished.digest(id).isPresent()
                ? new RunNotFoundException(
                        id, "run " + id + " is stored in the report-service; its result is no longer kept here")
                : new RunNotFoundException(id);
    }

    private void execute(
            QualityRun run,
            QualityProfile profile,
            InstanceView instance,
            List<String> changedFiles,
            BaselineChoice choice,
            String base) {
        ReportDirectory reports = null;
        try {
            run.running();
            events.runStarted(run.id(), run.clientId());
            DetectedWorkspace workspace = detector.detect(Path.of(instance.workspace()));
            GitState.of(workspace.root()).ifPresent(run::git);
            boolean container = instance.engine() == Engine.DOCKER;
            reports = ReportDirectory.create(
                    workspace.root(),
                    run.id(),
                    copies(run),
                    properties.maxReportSize().toBytes());
            ChangedFiles changed = ChangedFiles.confine(workspace.root(), changedFiles);
            changed.dropped().forEach(run::note);
            RunContext context = new RunContext(
                    run.id(),
                    run.startedAt(),
                    workspace,
                    container ? properties.containerWorkspace() : instance.workspace(),
                    ".paradise/reports/" + run.id(),
                    changed.kept(),
                    profile.targetUrl(),
                    new Toolbox(
                            properties.python(),
                            container ? properties.containerNodeModules() : properties.nodeModules(),
                            properties.chromium(),
                            properties.maven(),
                            properties.npmRegistry(),
                            properties.ruff()),
                    profile.judgeUnconfiguredLinters(),
                    reports);
            RunPlan plan = customCommands.plan(profile, context, runners);
            plan.refused().forEach(outcome -> {
                run.add(outcome);
                events.toolFinished(run.id(), run.clientId(), outcome.tool(), outcome.status(), 0, 0, 0);
            });
            List<ToolRunner> applicable = plan.runners().stream()
                    .filter(r -> profile.categories().contains(r.category()) && r.appliesTo(context))
                    .toList();
            applicable.forEach(runner -> whySkipped(profile, runner, context).ifPresent(why -> skip(run, runner, why)));
            List<ToolRunner> selected = applicable.stream()
                    .filter(r -> whySkipped(profile, r, context).isEmpty())
                    .toList();
            List<Future<?>> work = selected.stream()
                    .<Future<?>>map(runner ->
                            tools.submit(run.clientId(), () -> runTool(run, profile, instance, context, runner, base)))
                    .toList();
            work.forEach(run::track);
            for (Future<?> tool : work) {
                awaitQuietly(tool);
            }
            Verdict verdict = judge(run, profile, instance, workspace, context, choice);
            finish(run, verdict.passed() ? RunState.PASSED : RunState.FAILED, verdict.reasons());
        } catch (RuntimeException e) {
            log.warn("quality run {} failed: {}", run.id(), e.toString());
            finish(run, RunState.ERROR, e.getMessage());
        } finally {
            keep(run);
            active.release(run);
            if (reports != null) {
                reports.delete();
            }
        }
    }

    /** The run's private copies of its reports, in the data directory: never in the workspace the tested code can write. */
    private Path copies(QualityRun run) {
        return properties
                .home()
                .resolve("quality-orchestrator")
                .resolve("reports")
                .resolve(run.id());
    }

    /**
     * Writes the finished run to disk before anyone hears it finished, so the report-service always fetches the
     * complete result, and then forgets it in memory.
     */
    private void keep(QualityRun run) {
        finish(run, RunState.ERROR, "the run stopped unexpectedly");
        QualityRunResult result = run.snapshot();
        try {
            finished.save(result);
        } catch (RuntimeException e) {
            log.error(
                    "quality run {} could not be kept on disk; it stays in memory until the report-service stores it: {}",
                    run.id(),
                    e.toString());
            runs.keepUnsaved(run);
            events.runFinished(run.id(), run.clientId(), result.state());
            return;
        }
        runs.remove(run.id());
        events.runFinished(run.id(), run.clientId(), result.state());
    }

    /** Why a tool that applies does not run: a requirement the profile does not meet, or a linter the project does not configure. */
    private static Optional<String> whySkipped(QualityProfile profile, ToolRunner runner, RunContext context) {
        Optional<String> unmet = runner.unmetRequirement(context);
        if (unmet.isPresent() || profile.runUnconfiguredLinters() || !runner.isUnconfiguredLinter(context)) {
            return unmet;
        }
        return Optional.of(
                "the project does not configure " + runner.tool() + "; the " + profile.name()
                        + " profile runs the linters a project configures and the security scanners (comprehensive runs every linter, as advice)");
    }

    /** Fingerprints the findings, marks what is new since the baseline, and judges the run. */
    private Verdict judge(
            QualityRun run,
            QualityProfile profile,
            InstanceView instance,
            DetectedWorkspace workspace,
            RunContext context,
            BaselineChoice choice) {
        BaselineSource.Lookup lookup = baselines.find(
                run.clientId(), run.snapshot().workspace(), profile.name(), choice != null ? choice : baseBranch(run));
        if (profile.categories().contains(ToolCategory.SEMANTIC) && !run.isFinished()) {
            semantic(
                    run,
                    instance,
                    workspace,
                    context,
                    lookup.baseline().map(found -> found.baseline().gitCommit()).orElse(null));
        }
        run.rewrite(new Fingerprints(workspace.root(), context.workspaceInInstance())::fingerprinted);
        lookup.baseline().ifPresent(found -> {
            run.rewrite(new Gate(found)::marked);
            run.baseline(found.baseline());
            ChangedLinesMeasure.of(
                            workspace.root(),
                            context.workspaceInInstance(),
                            context.reports().copies(),
                            found.baseline().gitCommit())
                    .ifPresent(run::changedLines);
        });
        QualityRunResult result = run.snapshot();
        return Verdict.of(profile, result.tools(), result.baseline(), lookup.why(), result.changedLinesCoverage());
    }

    /**
     * Asks the client's code backend about the code: the {@code semantic} tool's findings, and the change and overview
     * in the run result. The change is measured against the baseline's commit, else against HEAD (the uncommitted work).
     */
    private void semantic(
            QualityRun run,
            InstanceView instance,
            DetectedWorkspace workspace,
            RunContext context,
            String baselineCommit) {
        events.toolStarted(run.id(), run.clientId(), SemanticAnalyzer.TOOL);
        GitState git = run.git();
        String base = baselineCommit != null ? baselineCommit : git == null ? null : git.commit();
        SemanticResult result;
        try {
            result = semantic.analyze(
                    instance.mcpUrl() == null ? null : java.net.URI.create(instance.mcpUrl()),
                    workspace.root(),
                    base,
                    context.changedFiles());
        } catch (RuntimeException e) {
            log.warn("semantic step of run {} failed: {}", run.id(), e.toString());
            result = new SemanticResult(
                    ToolOutcome.error(SemanticAnalyzer.TOOL, ToolCategory.SEMANTIC, 0, e.getMessage()),
                    io.devopsparadise.contracts.quality.SemanticAnalysis.skipped(
                            "the semantic step failed: " + e.getMessage()));
        }
        run.add(result.outcome());
        run.semantic(result.analysis());
        events.toolFinished(
                run.id(),
                run.clientId(),
                SemanticAnalyzer.TOOL,
                result.outcome().status(),
                0,
                0,
                result.outcome().findings().size());
    }

    private BaselineChoice baseBranch(QualityRun run) {
        if (properties.baseBranch() != null && !properties.baseBranch().isBlank()) {
            return BaselineChoice.branch(properties.baseBranch());
        }
        GitState git = run.git();
        if (git == null || git.defaultBranch() == null) {
            return BaselineChoice.previous();
        }
        try {
            return BaselineChoice.branch(git.defaultBranch());
        } catch (IllegalArgumentException unusualName) {
            return BaselineChoice.previous();
        }
    }

    private void runTool(
            QualityRun run,
            QualityProfile profile,
            InstanceView instance,
            RunContext context,
            ToolRunner runner,
            String base) {
        if (run.isFinished()) {
            return;
        }
        events.toolStarted(run.id(), run.clientId(), runner.tool());
        ToolOutcome outcome;
        try {
            outcome = outcome(run, profile, instance, context, runner, base);
        } catch (RuntimeException e) {
            outcome = ToolOutcome.error(runner.tool(), runner.category(), 0, e.getMessage());
        }
        run.add(outcome);
        int failures =
                (int) outcome.tests().stream().filter(TestCaseResult::failing).count();
        events.toolFinished(
                run.id(),
                run.clientId(),
                runner.tool(),
                outcome.status(),
                outcome.tests().size(),
                failures,
                outcome.findings().size());
        if (QualityRun.failsFast(profile, runner.category(), outcome.status())
                && run.stopFailingFast(runner.tool(), clock.instant())) {
            log.info("quality run {}: fail-fast, {} has failing tests", run.id(), runner.tool());
        }
    }

    /**
     * What a tool contributes: its cached result while nothing it reads changed (profiles that reuse results), a
     * planned run for a test tool that has one, else the tool run once in the instance.
     */
    private ToolOutcome outcome(
            QualityRun run,
            QualityProfile profile,
            InstanceView instance,
            RunContext context,
            ToolRunner runner,
            String base) {
        Optional<String> key = profile.reuseResults()
                ? ToolResultCache.inputKey(
                        context.workspace().root(),
                        runner.tool(),
                        runner.command(context),
                        runner.environment(context),
                        run.id(),
                        instance.profile() + "@" + instance.startedAt())
                : Optional.empty();
        Optional<ToolOutcome> cached = key.flatMap(k -> reuse(run, context, runner, k));
        if (cached.isPresent()) {
            return cached.get();
        }
        Duration timeout = runner.timeout(profile.toolTimeout());
        ToolOutcome outcome;
        boolean complete = true;
        ImpactRequest request = new ImpactRequest(
                profile.changedOnly(),
                base,
                profile.fullTests() ? "the " + profile.name() + " profile runs every test (full-tests)" : null,
                profile.failFast(),
                timeout,
                run.clientId());
        ToolExec exec = (command, env, limit) -> {
            // a cancel that lands between a tool's commands (its probe, then its tests) must stop the next one too
            if (run.isFinished()) {
                throw new java.util.concurrent.CancellationException(
                        "run " + run.id() + " ended before " + runner.tool() + " could go on");
            }
            return manager.exec(instance.id(), command, env, context.workspaceInInstance(), limit);
        };
        if (runner instanceof PlannedTestRunner planned) {
            outcome = impact.run(planned, context, request, exec, listener(run));
            complete = ranEverything(run, runner);
        } else if (TestImpact.isJavaTestTool(runner)) {
            outcome = impact.runJava(runner, context, request, exec, listener(run));
            complete = ranEverything(run, runner);
        } else if ("jest".equals(runner.tool()) && profile.changedOnly()) {
            outcome = JestImpact.run(runner, context, request, exec, listener(run));
            complete = ranEverything(run, runner);
        } else {
            outcome = runner.collect(
                    context,
                    manager.exec(
                            instance.id(),
                            runner.command(context),
                            runner.environment(context),
                            context.workspaceInInstance(),
                            timeout));
        }
        if (runner instanceof RerunnableTestRunner rerunnable) {
            outcome = reruns.confirm(outcome, rerunnable, context, exec, timeout);
        }
        if (key.isPresent() && complete) {
            keep(run, context, key.get(), outcome);
        }
        return outcome;
    }

    /** A cached result that cannot be read is no result: the tool runs. */
    private Optional<ToolOutcome> reuse(QualityRun run, RunContext context, ToolRunner runner, String key) {
        try {
            return cache.reuse(run.clientId(), context.workspace().root(), runner.tool(), key);
        } catch (RuntimeException e) {
            log.info("cached result of {} unreadable, it runs: {}", runner.tool(), e.toString());
            return Optional.empty();
        }
    }

    private void keep(QualityRun run, RunContext context, String key, ToolOutcome outcome) {
        try {
            cache.keep(run.clientId(), context.workspace().root(), key, run.id(), outcome);
        } catch (RuntimeException e) {
            log.info("result of {} not kept for reuse: {}", outcome.tool(), e.toString());
        }
    }

    /** Whether the tool's last plan in this run ran every test: only such a result may be reused by a later run. */
    private static boolean ranEverything(QualityRun run, ToolRunner runner) {
        return run.plans().stream()
                .filter(p -> p.tool().equals(runner.tool()))
                .reduce((a, b) -> b)
                .map(TestPlan::runAll)
                .orElse(false);
    }

    /** Sends a test tool's plan and each failing test out the moment they are known. */
    private ImpactListener listener(QualityRun run) {
        return new ImpactListener() {
            @Override
            public void planned(TestPlan plan) {
                run.plan(plan);
                events.plan(run.id(), run.clientId(), plan.tool(), plan.runAll(), plan.selected(), plan.summary());
            }

            @Override
            public void testFailed(String tool, String testId, String message) {
                events.testFailed(run.id(), run.clientId(), tool, message == null ? testId : testId + ": " + message);
            }
        };
    }

    private void skip(QualityRun run, ToolRunner runner, String why) {
        run.add(ToolOutcome.skipped(runner.tool(), runner.category(), why));
        events.toolFinished(run.id(), run.clientId(), runner.tool(), ToolStatus.SKIPPED, 0, 0, 0);
    }

    /** Waits for one tool; a tool cancelled by fail-fast or a cancel simply has no outcome. */
    private static void awaitQuietly(Future<?> tool) {
        try {
            tool.get();
        } catch (CancellationException | ExecutionException e) {
            // its outcome, if any, is already recorded
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void finish(QualityRun run, RunState state, String why) {
        run.finish(state, why, clock.instant());
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @PreDestroy
    void stop() {
        tools.stop();
        coordinators.shutdownNow();
    }
}
