package io.devopsparadise.quality.impact;

import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.contracts.quality.TestPlan;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.quality.runners.RunContext;
import io.devopsparadise.quality.runners.ToolRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changed-only jest runs, by jest's own dependency graph ({@code --findRelatedTests}): the JavaScript and TypeScript
 * files the change touched select the test files that import them, directly or not. The change is the working tree
 * against HEAD, or against the merge-base with the run's base. The same safety rules as for pytest apply: a build,
 * configuration, dependency or data file (a snapshot too) runs every test; documentation and repository tooling run
 * none. jest keeps no per-test coverage map here, so there is no ordering by history.
 */
public final class JestImpact {

    static final Set<String> SCRIPTS = Set.of(".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts");
    private static final Duration LISTING = Duration.ofMinutes(2);

    private JestImpact() {}

    /** Runs jest on what the change can break; the plan goes to the listener first. */
    public static ToolOutcome run(
            ToolRunner jest, RunContext context, ImpactRequest request, ToolExec exec, ImpactListener listener) {
        List<String> reasons = new ArrayList<>();
        Optional<List<String>> related = relatedSources(context, request, reasons);
        List<String> command = new ArrayList<>(jest.command(context));
        int known = count(exec, command, List.of(), context);
        if (related.isPresent() && related.get().isEmpty()) {
            listener.planned(plan(request, false, 0, known, reasons));
            return ToolOutcome.skipped(
                    jest.tool(), jest.category(), "the change reaches no jest test: " + String.join("; ", reasons));
        }
        if (related.isPresent()) {
            List<String> files = related.get().stream()
                    .map(f -> f.startsWith("-") ? "./" + f : f)
                    .toList();
            int selected = count(exec, command, files, context);
            listener.planned(plan(request, false, selected, known, reasons));
            command.add("--findRelatedTests");
            command.addAll(files);
        } else {
            listener.planned(plan(request, true, known, known, reasons));
        }
        return jest.collect(context, exec.exec(command, jest.environment(context), request.timeout()));
    }

    /** The changed scripts; empty when the change reaches none, absent when every test must run. */
    private static Optional<List<String>> relatedSources(
            RunContext context, ImpactRequest request, List<String> reasons) {
        if (request.fullReason() != null || !request.changedOnly()) {
            reasons.add(
                    request.fullReason() != null
                            ? request.fullReason()
                            : "the run asked for every test (not changed-only)");
            return Optional.empty();
        }
        Optional<ChangeSet> change =
                ChangeDetector.workingTree(context.workspace().root(), request.base());
        if (change.isEmpty() || change.get().tooLarge()) {
            reasons.add("Git cannot say what changed (no repository, or more than " + ChangeDetector.MAX_FILES
                    + " files): every test runs");
            return Optional.empty();
        }
        Set<String> scripts = new TreeSet<>();
        for (FileChange file : change.get().files()) {
            Optional<String> all = consider(file, scripts, reasons);
            if (all.isPresent()) {
                reasons.clear();
                reasons.add(all.get());
                return Optional.empty();
            }
        }
        reasons.add(
                scripts.isEmpty()
                        ? "no changed JavaScript or TypeScript file"
                        : scripts.size()
                                + " changed script(s); jest selects the test files that import them, directly or not: "
                                + String.join(", ", scripts));
        return Optional.of(List.copyOf(scripts));
    }

    private static Optional<String> consider(FileChange file, Set<String> scripts, List<String> reasons) {
        String path = file.path();
        if (SCRIPTS.stream().anyMatch(path::endsWith)
                && !path.endsWith(".config.js")
                && !path.contains("jest.config")) {
            if (file.kind() != FileChange.Kind.DELETED) {
                scripts.add(path);
            } else {
                return Optional.of("a script was deleted (" + path + "): what imported it may fail; every test runs");
            }
            return Optional.empty();
        }
        FileKind kind = FileKind.of(path);
        if (kind == FileKind.DOCUMENTATION || kind == FileKind.REPOSITORY_TOOLING) {
            reasons.add((kind == FileKind.DOCUMENTATION
                            ? "documentation only, no test reads it: "
                            : "repository tooling, no test runs it: ")
                    + path);
            return Optional.empty();
        }
        if (kind == FileKind.PYTHON || kind == FileKind.JAVA) {
            reasons.add("no jest test runs " + (kind == FileKind.PYTHON ? "Python: " : "Java: ") + path);
            return Optional.empty();
        }
        return Optional.of((kind == FileKind.BUILD || path.contains("config")
                        ? "a build, configuration or dependency file changed ("
                        : "a data file changed (")
                + path + "): every test runs");
    }

    /** The test files jest would run: all of them, or those related to the files (jest --listTests --json). */
    private static int count(ToolExec exec, List<String> command, List<String> related, RunContext context) {
        List<String> listing = new ArrayList<>(command.stream()
                .filter(arg -> !arg.startsWith("--reporters") && !arg.startsWith("--coverage"))
                .toList());
        listing.addAll(List.of("--listTests", "--json"));
        if (!related.isEmpty()) {
            listing.add("--findRelatedTests");
            listing.addAll(related);
        }
        ExecResult listed = exec.exec(listing, java.util.Map.of(), LISTING);
        try {
            return listed.exitCode() == 0
                    ? JsonMapper.shared().readTree(listed.stdout().strip()).size()
                    : 0;
        } catch (JacksonException e) {
            return 0;
        }
    }

    private static TestPlan plan(ImpactRequest request, boolean runAll, int selected, int known, List<String> reasons) {
        String summary = PlanSummary.of("jest", runAll, selected, known, 1, 0, 0, reasons)
                .replace("test(s)", "test file(s)")
                .replace(", expected 0.0 s on 1 worker(s) (full suite 0.0 s)", "");
        return new TestPlan(
                "jest",
                request.changedOnly() ? "changed" : "full",
                request.base(),
                runAll,
                selected,
                known,
                reasons,
                List.of(),
                List.of(),
                1,
                0,
                0,
                0,
                summary);
    }
}
