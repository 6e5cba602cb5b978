package io.devopsparadise.quality.semantic;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.SemanticAnalysis;
import io.devopsparadise.contracts.quality.SemanticAnalysis.CodeSymbol;
import io.devopsparadise.contracts.quality.SemanticAnalysis.FileSymbols;
import io.devopsparadise.contracts.quality.Severity;
import io.devopsparadise.contracts.quality.ToolCategory;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.contracts.quality.ToolStatus;
import io.devopsparadise.quality.gate.ChangedLines;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The semantic step of a run: asks the client's code backend, over MCP, for the diagnostics of the workspace's
 * source files (changed files first, then the others by path, up to {@code max-files}), for the symbols the change
 * touches and who references them, and for an overview of the code. Each part is bounded; what a bound or the time
 * budget leaves out is named in the notes. A backend without semantic tools skips the step, with its reason.
 */
public final class SemanticAnalyzer {

    /** The tool name and category of the step's findings. */
    public static final String TOOL = "semantic";

    static final int MAX_NOTES = 50;
    static final int MAX_NOTE_CHARS = 500;

    private final SemanticLimits limits;
    private final Clock clock;
    private final Function<URI, CodeBackend> connector;

    public SemanticAnalyzer(SemanticLimits limits, Clock clock) {
        this(limits, clock, url -> CodeBackend.connect(url, limits));
    }

    SemanticAnalyzer(SemanticLimits limits, Clock clock, Function<URI, CodeBackend> connector) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.connector = Objects.requireNonNull(connector, "connector");
    }

    /**
     * @param workspace      the workspace on this host (source files are listed and read here)
     * @param baseCommit     the commit the change is measured against; null when the workspace is no repository
     * @param requestedFiles the run's changed files, checked first even when the diff does not name them
     */
    public SemanticResult analyze(URI mcpUrl, Path workspace, String baseCommit, List<String> requestedFiles) {
        Instant started = clock.instant();
        try (CodeBackend backend = connector.apply(mcpUrl)) {
            if (backend instanceof CodeBackend.Unavailable unavailable) {
                return skipped(unavailable.why());
            }
            return analyze(
                    ((CodeBackend.Connected) backend).intelligence(), workspace, baseCommit, requestedFiles, started);
        }
    }

    SemanticResult analyze(
            CodeIntelligence code, Path workspace, String baseCommit, List<String> requestedFiles, Instant started) {
        Budget budget = new Budget(clock, started.plus(limits.timeBudget()));
        List<String> notes = new ArrayList<>();
        List<String> sources = SourceFiles.of(workspace);
        Map<String, Set<Integer>> changed = baseCommit == null
                ? Map.of()
                : ChangedLines.since(workspace, baseCommit, sources).orElse(Map.of());
        List<String> ordered = changedFirst(sources, changed.keySet(), requestedFiles);
        SymbolCache symbols = new SymbolCache(code, limits.maxSymbolsPerFile(), notes);

        Checked checked = diagnostics(code, ordered, budget, notes);
        List<SemanticAnalysis.ChangedSymbol> touched =
                new ChangeDescription(code, symbols, workspace, limits, budget, notes).of(changed);
        List<FileSymbols> overview = overview(ordered, symbols, budget, notes);

        String detail = code.whyNoDiagnostics()
                .orElseGet(() -> "pyright for Python, tsserver for TypeScript/JavaScript through "
                        + code.backend() + ": checked " + checked.files() + " of " + sources.size()
                        + " source file(s), changed files first"
                        + (checked.failed() > 0
                                ? "; " + checked.failed() + " file(s) could not be checked, the first: "
                                        + cut(checked.firstFailure())
                                : ""));
        ToolStatus status =
                checked.files() > 0 && checked.failed() == checked.files() ? ToolStatus.ERROR : ToolStatus.PASSED;
        ToolOutcome outcome = new ToolOutcome(
                TOOL,
                ToolCategory.SEMANTIC,
                status,
                clock.millis() - started.toEpochMilli(),
                detail,
                List.of(),
                null,
                checked.findings(),
                null,
                false);
        return new SemanticResult(
                outcome, new SemanticAnalysis(code.backend(), null, baseCommit, touched, overview, bounded(notes)));
    }

    /** The first {@value #MAX_NOTES} notes, each cut at {@value #MAX_NOTE_CHARS} characters: a failing backend repeats itself. */
    static List<String> bounded(List<String> notes) {
        List<String> kept = new ArrayList<>(
                notes.stream().limit(MAX_NOTES).map(SemanticAnalyzer::cut).toList());
        if (notes.size() > MAX_NOTES) {
            kept.add((notes.size() - MAX_NOTES) + " more note(s) left out");
        }
        return kept;
    }

    private static String cut(String note) {
        return note.length() > MAX_NOTE_CHARS ? note.substring(0, MAX_NOTE_CHARS) + "…" : note;
    }

    /** The step did not run, and why: a visible SKIPPED outcome, never a failed run. */
    public static SemanticResult skipped(String why) {
        return new SemanticResult(ToolOutcome.skipped(TOOL, ToolCategory.SEMANTIC, why), SemanticAnalysis.skipped(why));
    }

    private Checked diagnostics(CodeIntelligence code, List<String> files, Budget budget, List<String> notes) {
        List<Finding> findings = new ArrayList<>();
        if (code.whyNoDiagnostics().isPresent()) {
            return new Checked(0, 0, null, findings);
        }
        int checked = 0;
        int failed = 0;
        String firstFailure = null;
        for (String file : files.subList(0, Math.min(files.size(), limits.maxFiles()))) {
            if (budget.spent(notes, "diagnostics")) {
                break;
            }
            checked++;
            try {
                code.diagnostics(file).forEach(d -> findings.add(finding(d)));
            } catch (SemanticBackendException e) {
                failed++;
                firstFailure = firstFailure == null ? e.getMessage() : firstFailure;
                notes.add(e.getMessage());
            }
        }
        if (files.size() > limits.maxFiles()) {
            notes.add("diagnostics of " + limits.maxFiles() + " of " + files.size()
                    + " source files (paradise.quality.semantic.max-files)");
        }
        return new Checked(checked, failed, firstFailure, findings);
    }

    private List<FileSymbols> overview(List<String> files, SymbolCache symbols, Budget budget, List<String> notes) {
        List<FileSymbols> overview = new ArrayList<>();
        for (String file : files.subList(0, Math.min(files.size(), limits.maxOverviewFiles()))) {
            if (budget.spent(notes, "the overview")) {
                break;
            }
            List<DocumentSymbol> found = symbols.of(file);
            overview.add(new FileSymbols(
                    file,
                    found.stream()
                            .map(s -> new CodeSymbol(s.name(), s.kind(), s.container(), s.startLine(), s.endLine()))
                            .toList(),
                    symbols.truncated(file)));
        }
        if (files.size() > limits.maxOverviewFiles()) {
            notes.add("overview of " + limits.maxOverviewFiles() + " of " + files.size()
                    + " source files (paradise.quality.semantic.max-overview-files)");
        }
        return overview;
    }

    static Finding finding(Diagnostic diagnostic) {
        String rule = diagnostic.source() == null ? TOOL : diagnostic.source().toLowerCase(Locale.ROOT);
        return new Finding(
                TOOL,
                rule,
                severity(diagnostic.severity()),
                diagnostic.file(),
                diagnostic.line(),
                diagnostic.column(),
                diagnostic.message());
    }

    /** A type error is a likely bug, not a proven one: MEDIUM; warnings LOW; information and hints INFO. */
    static Severity severity(String severity) {
        return switch (severity) {
            case "error" -> Severity.MEDIUM;
            case "warning" -> Severity.LOW;
            default -> Severity.INFO;
        };
    }

    private static List<String> changedFirst(List<String> sources, Set<String> changed, List<String> requested) {
        Set<String> ordered = new LinkedHashSet<>();
        Set<String> known = new LinkedHashSet<>(sources);
        requested.stream().filter(known::contains).forEach(ordered::add);
        sources.stream().filter(changed::contains).forEach(ordered::add);
        ordered.addAll(sources);
        return List.copyOf(ordered);
    }

    private record Checked(int files, int failed, String firstFailure, List<Finding> findings) {}

    /** The step's deadline: past it, each part stops and says so once. */
    static final class Budget {

        private final Clock clock;
        private final Instant deadline;
        private final Set<String> noted = new LinkedHashSet<>();

        Budget(Clock clock, Instant deadline) {
            this.clock = clock;
            this.deadline = deadline;
        }

        boolean spent(List<String> notes, String part) {
            if (clock.instant().isBefore(deadline)) {
                return false;
            }
            if (noted.add(part)) {
                notes.add(part + " stopped at the time budget (paradise.quality.semantic.time-budget)");
            }
            return true;
        }
    }

    /** Each file's structural symbols, asked for once per run. */
    static final class SymbolCache {

        private final CodeIntelligence code;
        private final int max;
        private final List<String> notes;
        private final Map<String, List<DocumentSymbol>> byFile = new LinkedHashMap<>();
        private final Set<String> truncated = new LinkedHashSet<>();

        SymbolCache(CodeIntelligence code, int max, List<String> notes) {
            this.code = code;
            this.max = max;
            this.notes = notes;
        }

        List<DocumentSymbol> of(String file) {
            return byFile.computeIfAbsent(file, this::read);
        }

        boolean truncated(String file) {
            return truncated.contains(file);
        }

        private List<DocumentSymbol> read(String file) {
            List<DocumentSymbol> all;
            try {
                all = code.symbols(file).stream()
                        .filter(DocumentSymbol::structural)
                        .toList();
            } catch (SemanticBackendException e) {
                notes.add(e.getMessage());
                return List.of();
            }
            if (all.size() > max) {
                truncated.add(file);
                return all.subList(0, max);
            }
            return all;
        }
    }
}
