package io.devopsparadise.quality.insights;

import io.devopsparadise.contracts.instances.Engine;
import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.contracts.instances.InstanceView;
import io.devopsparadise.contracts.quality.ChangedLinesCoverage;
import io.devopsparadise.contracts.quality.FileCoverage;
import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.QualityRunResult;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.quality.detection.DetectedWorkspace;
import io.devopsparadise.quality.detection.WorkspaceDetector;
import io.devopsparadise.quality.exec.InstanceManagerClient;
import io.devopsparadise.quality.gate.WorkspaceRepository;
import io.devopsparadise.quality.impact.TestImpact;
import io.devopsparadise.quality.insights.history.CommitChange;
import io.devopsparadise.quality.insights.history.CommitHistory;
import io.devopsparadise.quality.insights.history.HistoryLimits;
import io.devopsparadise.quality.insights.hotspots.Churn;
import io.devopsparadise.quality.insights.hotspots.CoverageByFile;
import io.devopsparadise.quality.insights.hotspots.EslintComplexity;
import io.devopsparadise.quality.insights.hotspots.FileComplexity;
import io.devopsparadise.quality.insights.hotspots.Hotspot;
import io.devopsparadise.quality.insights.hotspots.Hotspots;
import io.devopsparadise.quality.insights.hotspots.McCabeReport;
import io.devopsparadise.quality.insights.hotspots.PmdComplexity;
import io.devopsparadise.quality.insights.risk.FeatureHistory;
import io.devopsparadise.quality.profiles.QualityProfiles;
import io.devopsparadise.quality.profiles.QualityProperties;
import io.devopsparadise.quality.reportdir.WorkspaceText;
import io.devopsparadise.quality.runs.NoInstanceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Insights on a client's workspace: its hotspots (churn from its history, complexity measured inside its instance,
 * coverage and findings from its latest stored run) and the risk of a change (a model trained on its own history).
 */
@Service
public class InsightsService {

    static final int TOP_FACTORS = 5;
    private static final String SKIPPED = ".venv,venv,node_modules,.paradise";

    /** Source files larger than this are not parsed for their functions. */
    static final long MAX_SOURCE_BYTES = 4L * 1024 * 1024;

    private final InstanceManagerClient manager;
    private final QualityProfiles profiles;
    private final TestImpact impact;
    private final WorkspaceDetector detector;
    private final StoredRunResults stored;
    private final InsightsProperties properties;
    private final QualityProperties quality;
    private final WorkspaceHistories histories;
    private final Clock clock;

    InsightsService(
            InstanceManagerClient manager,
            StoredRunResults stored,
            InsightsProperties properties,
            QualityProperties quality,
            QualityProfiles profiles,
            TestImpact impact,
            WorkspaceDetector detector,
            Clock clock) {
        this.impact = impact;
        this.detector = detector;
        this.manager = manager;
        this.profiles = profiles;
        this.stored = stored;
        this.properties = properties;
        this.quality = quality;
        this.clock = clock;
        this.histories = new WorkspaceHistories(
                new HistoryLimits(
                        properties.maxCommits(),
                        HistoryLimits.DEFAULT.maxFilesPerCommit(),
                        HistoryLimits.DEFAULT.maxFileBytes()),
                properties.cachedHistories());
    }

    public HotspotsAnswer hotspots(String clientId, int limit) {
        return hotspots(instance(clientId), clientId, limit, stored.latest(clientId));
    }

    /** What is worth doing, ranked by expected payoff, each with its evidence (docs/insights.md). */
    public RecommendationsAnswer recommendations(String clientId, int limit) {
        InstanceView instance = instance(clientId);
        Optional<QualityRunResult> latest = stored.latest(clientId);
        return recommendations(clientId, limit, latest, hotspots(instance, clientId, Integer.MAX_VALUE, latest));
    }

    /** Hotspots, recommendations and the working tree's risk, with one measurement of complexity. */
    public InsightsOverview overview(String clientId, int limit) {
        InstanceView instance = instance(clientId);
        Optional<QualityRunResult> latest = stored.latest(clientId);
        HotspotsAnswer all = hotspots(instance, clientId, Integer.MAX_VALUE, latest);
        HotspotsAnswer top = new HotspotsAnswer(
                all.clientId(),
                all.headCommit(),
                all.windowDays(),
                all.commitsInWindow(),
                all.complexity(),
                all.coverageRun(),
                all.ranked(),
                first(all.hotspots(), limit));
        return new InsightsOverview(
                top,
                recommendations(clientId, limit, latest, all),
                changeRisk(clientId, instance, new RiskTarget(null, null, null), latest),
                coverageGaps(clientId, instance, latest));
    }

    private RecommendationsAnswer recommendations(
            String clientId, int limit, Optional<QualityRunResult> latest, HotspotsAnswer hotspots) {
        Optional<JsonNode> history = stored.clientInsights(clientId);
        double minChanged =
                latest.map(run -> minChangedLineCoverage(run.profile())).orElse(0.0);
        List<Recommendation> ranked = Recommender.rank(
                hotspots.hotspots(), hotspots.windowDays(), history.orElse(null), latest.orElse(null), minChanged);
        List<String> missing = new ArrayList<>();
        if (latest.isEmpty()) {
            missing.add("no stored run: coverage, slow tests and changed lines are not known");
        }
        if (history.isEmpty()) {
            missing.add("the report-service gave no history: flaky tests and recurring rules are not known");
        }
        if (hotspots.ranked() == 0) {
            missing.add("no hotspot: " + hotspots.complexity());
        }
        return new RecommendationsAnswer(
                clientId, latest.map(QualityRunResult::id).orElse(null), missing, ranked.size(), first(ranked, limit));
    }

    /** The latest stored run's uncovered changed lines, by function, with the test file most likely to hold each one's test. */
    public CoverageGapsAnswer coverageGaps(String clientId) {
        return coverageGaps(clientId, instance(clientId), stored.latest(clientId));
    }

    private CoverageGapsAnswer coverageGaps(String clientId, InstanceView instance, Optional<QualityRunResult> latest) {
        ChangedLinesCoverage changed =
                latest.map(QualityRunResult::changedLinesCoverage).orElse(null);
        if (changed == null) {
            String why = latest.isEmpty()
                    ? "no stored run yet"
                    : "the latest run measured no changed lines (no baseline commit, or no coverage)";
            return new CoverageGapsAnswer(
                    clientId, latest.map(QualityRunResult::id).orElse(null), null, 0, 0, why, List.of());
        }
        Path workspace = Path.of(instance.workspace());
        List<String> files = changed.uncovered().stream()
                .map(ChangedLinesCoverage.FileLines::file)
                .toList();
        Map<String, List<String>> byMap = impact.testFilesRunning(clientId, workspace, files);
        List<CoverageGap> gaps = new ArrayList<>();
        for (ChangedLinesCoverage.FileLines file : changed.uncovered()) {
            java.util.function.IntFunction<String> functionOf = WorkspaceText.read(
                            workspace, file.file(), MAX_SOURCE_BYTES)
                    .flatMap(text -> TestImpact.functionsOf(file.file(), text))
                    .orElse(line -> null);
            Map<String, List<Integer>> byFunction = new java.util.LinkedHashMap<>();
            file.lines()
                    .forEach(line -> byFunction
                            .computeIfAbsent(
                                    java.util.Objects.toString(functionOf.apply(line), ""), k -> new ArrayList<>())
                            .add(line));
            List<String> mapped = byMap.getOrDefault(file.file(), List.of());
            Optional<String> named = mapped.isEmpty() ? TestHomes.byNaming(workspace, file.file()) : Optional.empty();
            String testFile = !mapped.isEmpty() ? mapped.get(0) : named.orElse(null);
            String how = !mapped.isEmpty()
                    ? "impact map: its tests run other code of " + file.file()
                    : named.map(n -> "naming: " + n + " is where this file's tests go by convention")
                            .orElse(null);
            byFunction.forEach((function, lines) ->
                    gaps.add(new CoverageGap(file.file(), function.isEmpty() ? null : function, lines, testFile, how)));
        }
        return new CoverageGapsAnswer(
                clientId, latest.get().id(), changed.baseCommit(), changed.lines(), changed.covered(), null, gaps);
    }

    private static <T> List<T> first(List<T> items, int limit) {
        return items.subList(0, Math.min(limit, items.size()));
    }

    private double minChangedLineCoverage(String profile) {
        try {
            return profiles.get(profile).minChangedLineCoverage();
        } catch (RuntimeException unknown) {
            return 0;
        }
    }

    private HotspotsAnswer hotspots(
            InstanceView instance, String clientId, int limit, Optional<QualityRunResult> latest) {
        Path workspace = Path.of(instance.workspace());
        List<CommitChange> history;
        String head;
        try (Repository repository = repository(workspace)) {
            head = Optional.ofNullable(repository.resolve("HEAD"))
                    .map(id -> id.name())
                    .orElse(null);
            history = histories.of(workspace, repository).history().commits();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> churn = Churn.commitsPerFile(history, properties.churnWindow());
        Complexity complexity = complexity(instance);
        Map<String, Double> covered = latest.map(run ->
                        CoverageByFile.percent(coverage(run), complexity.files().keySet()))
                .orElse(Map.of());
        Map<String, Integer> findings =
                latest.map(InsightsService::findingsPerFile).orElse(Map.of());
        List<Hotspot> ranked = Hotspots.rank(churn, complexity.files(), covered, findings);
        int inWindow = history.isEmpty()
                ? 0
                : (int) history.stream()
                        .filter(c -> !c.time()
                                .isBefore(history.get(history.size() - 1).time().minus(properties.churnWindow())))
                        .count();
        return new HotspotsAnswer(
                clientId,
                head,
                properties.churnWindow().toDays(),
                inWindow,
                complexity.source(),
                latest.map(QualityRunResult::id).orElse(null),
                ranked.size(),
                first(ranked, limit));
    }

    public ChangeRiskAnswer changeRisk(String clientId, RiskTarget target) {
        InstanceView instance = instance(clientId);
        return changeRisk(
                clientId, instance, target, target.workingTree() ? stored.latest(clientId) : Optional.empty());
    }

    private ChangeRiskAnswer changeRisk(
            String clientId, InstanceView instance, RiskTarget target, Optional<QualityRunResult> latest) {
        Path workspace = Path.of(instance.workspace());
        try (Repository repository = repository(workspace)) {
            RepositoryInsight insight = histories.of(workspace, repository);
            CommitHistory reader = new CommitHistory(repository, histories.limits());
            CommitChange change;
            FeatureHistory before;
            TouchedLinesCoverage coverage = null;
            if (target.workingTree()) {
                coverage = TouchedLinesCoverage.of(
                                latest,
                                Optional.ofNullable(repository.resolve("HEAD"))
                                        .map(id -> id.name())
                                        .orElse(null))
                        .orElse(null);
                change = reader.workingTree(author(repository, insight), clock.instant());
                before = insight.history().now();
            } else if (target.commit() != null) {
                change = reader.commit(target.commit());
                before = change.parent() == null
                        ? new FeatureHistory()
                        : insight.history().after(change.parent());
            } else {
                change = reader.range(target.from(), target.to() == null ? "HEAD" : target.to());
                before = insight.history().after(change.parent());
            }
            var features = before.featuresOf(change);
            double risk = insight.score(features);
            double percentile = insight.percentile(risk);
            return new ChangeRiskAnswer(
                    clientId,
                    target.workingTree() ? "working tree" : change.id(),
                    change.files().size(),
                    change.linesAdded(),
                    change.linesDeleted(),
                    risk,
                    percentile,
                    level(percentile),
                    insight.scorer().method(),
                    insight.history().size(),
                    insight.scorer().factors(features).subList(0, TOP_FACTORS),
                    coverage);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String level(double percentile) {
        return percentile < 50 ? "low" : percentile <= 80 ? "medium" : "high";
    }

    private InstanceView instance(String clientId) {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId is required");
        }
        return manager.findByClient(clientId).orElseThrow(() -> new NoInstanceException(clientId));
    }

    private static Repository repository(Path workspace) throws IOException {
        return WorkspaceRepository.open(workspace).orElseThrow(() -> new NoRepositoryException(workspace.toString()));
    }

    /** The repository's configured author, else HEAD's. */
    private static String author(Repository repository, RepositoryInsight insight) {
        String configured = repository.getConfig().getString("user", null, "email");
        if (configured != null) {
            return configured.toLowerCase(java.util.Locale.ROOT);
        }
        List<CommitChange> commits = insight.history().commits();
        return commits.isEmpty() ? "" : commits.get(commits.size() - 1).author();
    }

    /**
     * Every function's complexity by the real tool of its language: flake8's mccabe (Python) and ESLint's complexity rule
     * (JavaScript) inside the instance, at the workspace's root; PMD (Java) here, on the workspace's sources.
     */
    private Complexity complexity(InstanceView instance) {
        DetectedWorkspace detected = detector.detect(Path.of(instance.workspace()));
        boolean container = instance.engine() == Engine.DOCKER;
        String workdir = container ? quality.containerWorkspace() : instance.workspace();
        Map<String, FileComplexity> files = new LinkedHashMap<>();
        List<String> sources = new ArrayList<>();
        if (detected.has("python")) {
            measured(
                    "flake8's mccabe",
                    "Python",
                    files,
                    sources,
                    instance,
                    workdir,
                    List.of(
                            "flake8",
                            "--select=C901",
                            "--max-complexity=0",
                            "--exit-zero",
                            "--format=default",
                            "--extend-exclude=" + SKIPPED,
                            "."),
                    McCabeReport::parse,
                    "apt-get install flake8");
        }
        String nodeModules = container ? quality.containerNodeModules() : quality.nodeModules();
        if (detected.has("javascript") && nodeModules != null) {
            measured(
                    "ESLint's complexity",
                    "JavaScript",
                    files,
                    sources,
                    instance,
                    workdir,
                    EslintComplexity.command(nodeModules),
                    output -> EslintComplexity.parse(output, workdir),
                    "npm install eslint where the instance keeps its npm tools");
        }
        if (detected.has("maven") || detected.has("gradle")) {
            try {
                Map<String, FileComplexity> java = PmdComplexity.measure(Path.of(instance.workspace()));
                files.putAll(java);
                sources.add(summary("PMD", "Java", java));
            } catch (IOException | RuntimeException e) {
                sources.add("PMD did not measure the Java sources: " + e.getMessage());
            }
        }
        return new Complexity(
                files,
                sources.isEmpty()
                        ? "not measured: no Python, JavaScript or Java source found"
                        : String.join("; ", sources));
    }

    private void measured(
            String tool,
            String language,
            Map<String, FileComplexity> files,
            List<String> sources,
            InstanceView instance,
            String workdir,
            List<String> command,
            java.util.function.Function<String, Map<String, FileComplexity>> parser,
            String installHint) {
        ExecResult result = manager.exec(instance.id(), command, Map.of(), workdir, properties.complexityTimeout());
        if (result.timedOut()) {
            sources.add(tool + " took longer than "
                    + properties.complexityTimeout().toSeconds() + " s: " + language + " not measured");
        } else if (result.exitCode() != 0
                && (result.stdout() == null || result.stdout().isBlank())) {
            sources.add(tool + " failed in the instance (exit " + result.exitCode() + "; " + installHint + "): "
                    + tail(result.stderr()));
        } else {
            Map<String, FileComplexity> measured = parser.apply(result.stdout());
            files.putAll(measured);
            sources.add(summary(tool, language, measured));
        }
    }

    private static String summary(String tool, String language, Map<String, FileComplexity> files) {
        return tool + ": "
                + files.values().stream().mapToInt(f -> f.functions().size()).sum() + " functions in " + files.size()
                + " " + language + " files";
    }

    private static String tail(String text) {
        String stripped = text == null ? "" : text.strip();
        return stripped.length() <= 300 ? stripped : "…" + stripped.substring(stripped.length() - 300);
    }

    private static List<FileCoverage> coverage(QualityRunResult run) {
        return run.tools().stream()
                .map(ToolOutcome::coverage)
                .filter(java.util.Objects::nonNull)
                .flatMap(c -> c.files().stream())
                .toList();
    }

    private static Map<String, Integer> findingsPerFile(QualityRunResult run) {
        Map<String, Integer> perFile = new HashMap<>();
        for (ToolOutcome tool : run.tools()) {
            for (Finding finding : tool.findings()) {
                if (finding.file() != null) {
                    perFile.merge(
                            finding.file().startsWith("./") ? finding.file().substring(2) : finding.file(),
                            1,
                            Integer::sum);
                }
            }
        }
        return perFile;
    }

    private record Complexity(Map<String, FileComplexity> files, String source) {}
}
