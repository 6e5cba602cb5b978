package io.devopsparadise.reports.analysis;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.reports.runs.StoredRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed from a base run to a head run. Tests are matched by tool, suite and name; findings by tool, rule,
 * file and message (not line: code above a finding moves it), as many times as they occur. Each list holds at most
 * {@link #LISTED} items, in report order; {@code totals} counts them all.
 *
 * @param coverageDelta head's line rate minus base's; null unless both measured coverage
 */
public record RunComparison(
        String baseId,
        String headId,
        List<TestCaseResult> newFailures,
        List<TestCaseResult> fixedFailures,
        List<Finding> newFindings,
        List<Finding> fixedFindings,
        Double coverageDelta,
        int scoreDelta,
        Totals totals) {

    /** The most items a list of a comparison holds: enough to act on, bounded however large the runs are. */
    public static final int LISTED = 500;

    public RunComparison {
        newFailures = List.copyOf(newFailures);
        fixedFailures = List.copyOf(fixedFailures);
        newFindings = List.copyOf(newFindings);
        fixedFindings = List.copyOf(fixedFindings);
    }

    public static RunComparison of(StoredRun base, StoredRun head) {
        return of(ComparedRun.of(base), ComparedRun.of(head));
    }

    /** Compares two runs reading each one's items twice at most, keeping 16 bytes per item and the listed items. */
    public static RunComparison of(ComparedRun base, ComparedRun head) {
        Set<ItemKey> baseFailing = new HashSet<>();
        firstOccurrences(base, (key, test) -> {
            if (test.failing()) {
                baseFailing.add(key);
            }
        });
        Listed<TestCaseResult> newFailures = new Listed<>();
        Listed<TestCaseResult> fixedFailures = new Listed<>();
        firstOccurrences(head, (key, test) -> {
            if (test.failing() && !baseFailing.contains(key)) {
                newFailures.add(test);
            } else if (!test.failing() && baseFailing.contains(key)) {
                fixedFailures.add(test);
            }
        });
        Set<ItemKey> baseFindings = findingKeys(base, (key, finding) -> {});
        Listed<Finding> newFindings = new Listed<>();
        Set<ItemKey> headFindings = findingKeys(head, (key, finding) -> {
            if (!baseFindings.contains(key)) {
                newFindings.add(finding);
            }
        });
        Listed<Finding> fixedFindings = new Listed<>();
        findingKeys(base, (key, finding) -> {
            if (!headFindings.contains(key)) {
                fixedFindings.add(finding);
            }
        });
        Double baseRate = base.summary().lineRate();
        Double headRate = head.summary().lineRate();
        return new RunComparison(
                base.summary().id(),
                head.summary().id(),
                newFailures.items,
                fixedFailures.items,
                newFindings.items,
                fixedFindings.items,
                baseRate == null || headRate == null ? null : headRate - baseRate,
                head.summary().score() - base.summary().score(),
                new Totals(newFailures.total, fixedFailures.total, newFindings.total, fixedFindings.total));
    }

    /** A test named twice in a run counts once, as its first occurrence. */
    private static void firstOccurrences(ComparedRun run, java.util.function.BiConsumer<ItemKey, TestCaseResult> test) {
        Set<ItemKey> seen = new HashSet<>();
        run.eachTest((tool, t) -> {
            ItemKey key = ItemKey.of(tool + "|" + t.suite() + "|" + t.name());
            if (seen.add(key)) {
                test.accept(key, t);
            }
        });
    }

    /** Identical findings on different lines are told apart by their order: the n-th of them is key#n. */
    private static Set<ItemKey> findingKeys(ComparedRun run, java.util.function.BiConsumer<ItemKey, Finding> each) {
        Set<ItemKey> keys = new HashSet<>();
        Map<ItemKey, Integer> seen = new HashMap<>();
        run.eachFinding(f -> {
            String identity =
                    String.join("|", f.tool(), Objects.toString(f.rule()), Objects.toString(f.file()), f.message());
            int occurrence = seen.merge(ItemKey.of(identity), 1, Integer::sum);
            ItemKey key = ItemKey.of(identity + "#" + occurrence);
            keys.add(key);
            each.accept(key, f);
        });
        return keys;
    }

    /** How many items each list would hold without the {@link #LISTED} bound. */
    public record Totals(int newFailures, int fixedFailures, int newFindings, int fixedFindings) {}

    private static final class Listed<T> {
        private final List<T> items = new ArrayList<>();
        private int total;

        void add(T item) {
            if (items.size() < LISTED) {
                items.add(item);
            }
            total++;
        }
    }
}
