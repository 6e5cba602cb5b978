package io.devopsparadise.reports.insights;

import io.devopsparadise.contracts.quality.TestStatus;
import io.devopsparadise.reports.insights.InsightsRepository.FindingCount;
import io.devopsparadise.reports.insights.InsightsRepository.FindingFile;
import io.devopsparadise.reports.insights.InsightsRepository.TestRow;
import io.devopsparadise.reports.insights.InsightsRepository.WindowRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Insights over a window of a client's stored runs (its newest {@code runs}, up to a given time): flaky tests, recurring
 * rules, technical debt and its trend, performance regressions.
 */
@Service
public class ClientInsightsService {

    static final int MAX_FLAKY = 50;
    static final int MAX_RULES = 20;

    private final InsightsRepository repository;
    private final InsightsProperties properties;
    private final RemediationTable remediation;

    ClientInsightsService(InsightsRepository repository, InsightsProperties properties) {
        this.repository = repository;
        this.properties = properties;
        this.remediation = new RemediationTable(properties.remediationMinutes());
    }

    public ClientInsights of(String clientId, Instant until) {
        List<WindowRun> window = repository.window(clientId, until, properties.runs());
        if (window.isEmpty()) {
            return new ClientInsights(clientId, 0, List.of(), List.of(), null, List.of(), List.of());
        }
        List<String> ids = window.stream().map(WindowRun::id).toList();
        List<TechnicalDebt> trend = debtTrend(window, repository.findingCounts(ids));
        return new ClientInsights(
                clientId,
                window.size(),
                flaky(window, repository.testsThatEverFailed(ids)),
                recurring(window, repository.findingCounts(ids), repository.findingFiles(ids.get(ids.size() - 1))),
                trend.get(trend.size() - 1),
                trend,
                PerformanceRegressions.find(window));
    }

    List<FlakyTest> flaky(List<WindowRun> window, List<TestRow> rows) {
        Map<String, WindowRun> runs = window.stream().collect(Collectors.toMap(WindowRun::id, Function.identity()));
        Map<String, List<TestRow>> byTest =
                rows.stream().collect(Collectors.groupingBy(TestRow::key, LinkedHashMap::new, Collectors.toList()));
        List<FlakyTest> flaky = new ArrayList<>();
        for (List<TestRow> outcomes : byTest.values()) {
            Set<String> passedOn = new HashSet<>();
            outcomes.stream()
                    .filter(t -> t.status() == TestStatus.PASSED || t.status() == TestStatus.FLAKY)
                    .map(t -> runs.get(t.runId()).gitCommit())
                    .filter(c -> c != null)
                    .forEach(passedOn::add);
            List<TestRow> reruns = outcomes.stream()
                    .filter(t -> t.status() == TestStatus.FLAKY)
                    .toList();
            List<TestRow> contradicted = outcomes.stream()
                    .filter(t -> t.status() == TestStatus.FAILED || t.status() == TestStatus.ERROR)
                    .filter(t -> passedOn.contains(runs.get(t.runId()).gitCommit()))
                    .toList();
            if (reruns.isEmpty() && contradicted.isEmpty()) {
                continue;
            }
            List<Instant> seen = new ArrayList<>();
            reruns.forEach(t -> seen.add(runs.get(t.runId()).startedAt()));
            contradicted.forEach(t -> seen.add(runs.get(t.runId()).startedAt()));
            int ran = (int) outcomes.stream().map(TestRow::runId).distinct().count();
            TestRow first = outcomes.get(0);
            flaky.add(new FlakyTest(
                    first.tool(),
                    first.suite().isEmpty() ? null : first.suite(),
                    first.name(),
                    ran,
                    reruns.size(),
                    contradicted.size(),
                    (reruns.size() + contradicted.size()) / (double) ran,
                    seen.stream().min(Instant::compareTo).orElseThrow(),
                    seen.stream().max(Instant::compareTo).orElseThrow(),
                    evidence(reruns.size(), contradicted, runs, ran)));
        }
        flaky.sort(Comparator.comparingDouble(FlakyTest::flakeRate)
                .reversed()
                .thenComparing(FlakyTest::runs, Comparator.reverseOrder())
                .thenComparing(FlakyTest::name));
        return flaky.subList(0, Math.min(MAX_FLAKY, flaky.size()));
    }

    private static String evidence(int reruns, List<TestRow> contradicted, Map<String, WindowRun> runs, int ran) {
        List<String> said = new ArrayList<>();
        if (reruns > 0) {
            said.add("failed, then passed on a rerun, in " + reruns + " of " + ran + " runs");
        }
        if (!contradicted.isEmpty()) {
            String commit =
                    runs.get(contradicted.get(contradicted.size() - 1).runId()).gitCommit();
            said.add("failed in " + contradicted.size() + " of " + ran + " runs on code where it also passed (commit "
                    + commit.substring(0, Math.min(12, commit.length())) + ")");
        }
        return String.join("; ", said);
    }

    List<RecurringRule> recurring(List<WindowRun> window, List<FindingCount> counts, List<FindingFile> newest) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < window.size(); i++) {
            position.put(window.get(i).id(), i);
        }
        Map<String, int[]> perRun = new HashMap<>();
        for (FindingCount count : counts) {
            perRun.computeIfAbsent(count.tool() + "\u0000" + count.rule(), k -> new int[window.size()])[
                            position.get(count.runId())] +=
                    count.count();
        }
        Map<String, List<FindingFile>> byRule = newest.stream()
                .collect(Collectors.groupingBy(
                        f -> f.tool() + "\u0000" + f.rule(), LinkedHashMap::new, Collectors.toList()));
        List<RecurringRule> rules = new ArrayList<>();
        for (Map.Entry<String, List<FindingFile>> rule : byRule.entrySet()) {
            List<FindingFile> files = rule.getValue();
            Map<String, Integer> directories = new TreeMap<>();
            files.forEach(f -> directories.merge(directory(f.file()), f.count(), Integer::sum));
            int[] series = perRun.getOrDefault(rule.getKey(), new int[window.size()]);
            rules.add(new RecurringRule(
                    files.get(0).tool(),
                    files.get(0).rule(),
                    files.stream().mapToInt(FindingFile::count).sum(),
                    (int) files.stream()
                            .map(FindingFile::file)
                            .filter(f -> !f.isEmpty())
                            .distinct()
                            .count(),
                    directories.entrySet().stream()
                            .sorted(Map.Entry.<String, Integer>comparingByValue()
                                    .reversed())
                            .limit(5)
                            .map(Map.Entry::getKey)
                            .toList(),
                    (int) java.util.Arrays.stream(series).filter(n -> n > 0).count(),
                    window.size(),
                    java.util.Arrays.stream(series).boxed().toList()));
        }
        rules.sort(Comparator.comparingInt(RecurringRule::files)
                .reversed()
                .thenComparing(RecurringRule::findings, Comparator.reverseOrder())
                .thenComparing(RecurringRule::rule));
        return rules.subList(0, Math.min(MAX_RULES, rules.size()));
    }

    private static String directory(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "." : file.substring(0, slash);
    }

    List<TechnicalDebt> debtTrend(List<WindowRun> window, List<FindingCount> counts) {
        Map<String, long[]> perRun = new HashMap<>();
        for (FindingCount count : counts) {
            long[] totals = perRun.computeIfAbsent(count.runId(), k -> new long[2]);
            totals[0] += count.count();
            totals[1] += (long) count.count() * remediation.minutes(count.tool(), count.rule(), count.severity());
        }
        return window.stream()
                .map(run -> {
                    long[] totals = perRun.getOrDefault(run.id(), new long[2]);
                    return TechnicalDebt.of(
                            run.id(),
                            run.startedAt(),
                            run.gitCommit(),
                            (int) totals[0],
                            totals[1],
                            run.codeLines(),
                            properties.minutesPerLine());
                })
                .toList();
    }
}
