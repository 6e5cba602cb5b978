package io.devopsparadise.quality.projectrules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A project's Ruff rules as flake8 options, for an instance without Ruff: the rule families both share (pycodestyle
 * E/W, pyflakes F, mccabe C90) keep their codes; codes of other families have no flake8 counterpart and are dropped.
 * flake8 then runs {@code --isolated}, so that only these options apply.
 */
public final class RuffAsFlake8 {

    /** Ruff's selection when a project selects nothing itself. */
    static final List<String> DEFAULT_SELECT = List.of("E4", "E7", "E9", "F");
    /** Ruff's own exclusions, which a project's {@code exclude} replaces. */
    static final List<String> DEFAULT_EXCLUDE = List.of(
            ".bzr",
            ".direnv",
            ".eggs",
            ".git",
            ".git-rewrite",
            ".hg",
            ".ipynb_checkpoints",
            ".mypy_cache",
            ".nox",
            ".pants.d",
            ".pyenv",
            ".pytest_cache",
            ".pytype",
            ".ruff_cache",
            ".svn",
            ".tox",
            ".venv",
            ".vscode",
            "__pypackages__",
            "_build",
            "buck-out",
            "build",
            "dist",
            "node_modules",
            "site-packages",
            "venv");

    private static final Pattern SHARED = Pattern.compile("[EWF]\\d{0,3}|C9\\d{0,2}");
    private static final Pattern SAFE_GLOB = Pattern.compile("[^\\s,:]+");

    private final RuffSettings ruff;
    private final Set<String> dropped = new LinkedHashSet<>();
    private final List<String> select;
    private final List<String> ignore;

    public RuffAsFlake8(RuffSettings ruff) {
        this.ruff = ruff;
        List<String> selected = new ArrayList<>(ruff.select().orElse(DEFAULT_SELECT));
        selected.addAll(ruff.extendSelect());
        this.select = shared(selected);
        this.ignore = shared(ruff.ignore());
    }

    /** True when none of the selected rules has a flake8 counterpart: flake8 has nothing to check. */
    public boolean selectsNothing() {
        return select.isEmpty();
    }

    /** The rule selection and limits, as the outcome's detail names them. */
    public List<String> rules() {
        List<String> options = new ArrayList<>(List.of("--select=" + String.join(",", select)));
        if (!ignore.isEmpty()) {
            options.add("--extend-ignore=" + String.join(",", ignore));
        }
        options.add("--max-line-length=" + ruff.lineLength());
        if (select.stream().anyMatch(code -> code.startsWith("C9"))) {
            options.add("--max-complexity=" + ruff.maxComplexity());
        }
        String perFile = perFileIgnores();
        if (!perFile.isEmpty()) {
            options.add("--per-file-ignores=" + perFile);
        }
        return options;
    }

    /** Every option: {@code --isolated}, the rules, and the exclusions (Ruff's defaults unless the project replaces them). */
    public List<String> options() {
        List<String> options = new ArrayList<>(List.of("--isolated"));
        options.addAll(rules());
        options.add("--exclude=" + globs(ruff.exclude().orElse(DEFAULT_EXCLUDE)));
        if (!ruff.extendExclude().isEmpty()) {
            options.add("--extend-exclude=" + globs(ruff.extendExclude()));
        }
        return options;
    }

    /** Ruff's exclusions (its defaults unless the project replaces them, and the project's additions), for files named on the command line. */
    public ExcludePatterns exclusions() {
        List<String> globs = new ArrayList<>(ruff.exclude().orElse(DEFAULT_EXCLUDE));
        globs.addAll(ruff.extendExclude());
        return new ExcludePatterns(globs);
    }

    /** Ruff codes (or globs) the translation left out, in the order met. */
    public List<String> dropped() {
        return List.copyOf(dropped);
    }

    private List<String> shared(List<String> codes) {
        Set<String> kept = new LinkedHashSet<>();
        for (String code : codes) {
            translate(code.strip().toUpperCase()).ifPresentOrElse(kept::addAll, () -> dropped.add(code));
        }
        return List.copyOf(kept);
    }

    private static Optional<List<String>> translate(String code) {
        if (code.equals("ALL")) {
            return Optional.of(List.of("E", "W", "F", "C90"));
        }
        if (code.equals("C") || code.equals("C9")) {
            return Optional.of(List.of("C90"));
        }
        return SHARED.matcher(code).matches() ? Optional.of(List.of(code)) : Optional.empty();
    }

    private String perFileIgnores() {
        return ruff.perFileIgnores().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> perFileIgnore(entry.getKey(), entry.getValue()))
                .flatMap(Optional::stream)
                .collect(Collectors.joining(" "));
    }

    private Optional<String> perFileIgnore(String glob, List<String> codes) {
        List<String> kept = shared(codes);
        if (!SAFE_GLOB.matcher(glob).matches()) {
            dropped.add(glob);
            return Optional.empty();
        }
        return kept.isEmpty() ? Optional.empty() : Optional.of(glob + ":" + String.join(",", kept));
    }

    private String globs(List<String> globs) {
        List<String> kept = new ArrayList<>();
        for (String glob : globs) {
            if (SAFE_GLOB.matcher(glob).matches()) {
                kept.add(glob);
            } else {
                dropped.add(glob);
            }
        }
        kept.add(".paradise");
        return String.join(",", kept);
    }
}
