package io.devopsparadise.quality.projectrules;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pytest arguments of a tox {@code [testenv] commands} line that runs pytest ({@code pytest}, {@code py.test},
 * {@code python -m pytest}, {@code {envpython} -m pytest}), made safe to run in the workspace: tox's
 * substitutions are resolved against the workspace ({@code {env_site_packages_dir}/X} is the workspace's X,
 * {@code {tox_root}} its root), {@code {posargs}} gives its default or nothing, anything else unresolved is
 * dropped; paths must stay inside the workspace, and only options from a list of harmless ones are kept (the
 * report, coverage and plugin options are the orchestrator's). tox's {@code changedir} is ignored: pytest runs at
 * the workspace root.
 */
public final class ToxPytestCommand {

    private static final Pattern POSARGS = Pattern.compile("\\{posargs(?::([^}]*))?}|\\[]");
    private static final Pattern SITE_PACKAGES = Pattern.compile("\\{(?:env_site_packages_dir|envsitepackagesdir)}/?");
    private static final Pattern ROOT = Pattern.compile("\\{(?:tox_root|toxinidir)}/?");
    private static final Set<String> FLAGS = Set.of(
            "--doctest-modules",
            "--doctest-continue-on-failure",
            "-q",
            "--quiet",
            "-v",
            "--verbose",
            "-x",
            "--exitfirst",
            "-l",
            "--showlocals",
            "-s",
            "--capture=no",
            "--strict-markers",
            "--strict-config",
            "--strict",
            "-rA",
            "-ra",
            "-rs",
            "-rx",
            "-rf",
            "-rE",
            "--runxfail",
            "--lf",
            "--ff",
            "--nf",
            "--sw",
            "--disable-warnings",
            "--color=no",
            "--color=yes",
            "--no-header",
            "--no-summary",
            "--import-mode=importlib",
            "--import-mode=prepend",
            "--import-mode=append",
            "--continue-on-collection-errors",
            "--doctest-report=udiff",
            "--doctest-report=ndiff");
    /** Options that choose, order, stop or spread the tests: a test plan does that itself. */
    private static final Set<String> PLANNED =
            Set.of("-x", "--exitfirst", "--lf", "--ff", "--nf", "--sw", "-n", "--numprocesses", "--maxfail");
    /** Options whose value follows, either joined by '=' or as the next argument. */
    private static final Set<String> WITH_VALUE = Set.of(
            "-m",
            "-k",
            "-W",
            "--pythonwarnings",
            "--tb",
            "--maxfail",
            "--durations",
            "--doctest-glob",
            "-n",
            "--numprocesses",
            "--timeout",
            "--log-level",
            "--log-cli-level");

    private static final Set<String> WITH_PATH = Set.of("--ignore", "--ignore-glob", "--deselect");
    /** Options never taken over, whose value (when separate) goes with them: they load plugins, move configuration or write files. */
    private static final Set<String> REFUSED_WITH_VALUE = Set.of(
            "-p",
            "-c",
            "--config-file",
            "-o",
            "--override-ini",
            "--rootdir",
            "--basetemp",
            "--confcutdir",
            "--junitxml",
            "--junit-xml",
            "--junit-prefix",
            "--cov",
            "--cov-report",
            "--cov-config",
            "--cov-fail-under",
            "--log-file",
            "--result-log",
            "--pastebin",
            "--debug");

    private final Path root;
    private final List<String> args = new ArrayList<>();
    private final List<String> dropped = new ArrayList<>();
    private final List<String> paths = new ArrayList<>();

    private ToxPytestCommand(Path root) {
        this.root = root;
    }

    /** The pytest arguments of the first command in {@code commands} that runs pytest; empty when none does. */
    public static Optional<ToxPytestCommand> of(String commands, Path root) {
        for (String command : commands.replace("\\\n", " ").split("\n")) {
            List<String> argv = Shlex.split(resolve(command.strip().replaceFirst("^-\\s*", ""), root));
            int start = pytestStart(argv);
            if (start >= 0) {
                ToxPytestCommand pytest = new ToxPytestCommand(root);
                pytest.keep(argv.subList(start, argv.size()));
                return Optional.of(pytest);
            }
        }
        return Optional.empty();
    }

    /** The safe arguments, in their order. */
    public List<String> args() {
        return List.copyOf(args);
    }

    /**
     * The options for a run whose test plan chooses and orders the tests: the paths are left out, and so are the
     * options that select, order, stop or spread tests themselves ({@code -x}, {@code --lf}, {@code -n}, …).
     */
    public List<String> plannedRunOptions() {
        List<String> options = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean separate = !arg.contains("=") && WITH_VALUE.contains(arg) && i + 1 < args.size();
            if (PLANNED.contains(option)) {
                i += separate ? 1 : 0;
            } else if (separate) {
                options.add(arg);
                options.add(args.get(++i));
            } else if (!paths.contains(arg)) {
                options.add(arg);
            }
        }
        return options;
    }

    /** The paths among the arguments (files, directories, node ids), in their order. */
    public List<String> paths() {
        return List.copyOf(paths);
    }

    /** Arguments left out: unresolved substitutions, paths outside the workspace, options not known to be harmless. */
    public List<String> dropped() {
        return List.copyOf(dropped);
    }

    private static String resolve(String command, Path root) {
        String resolved = POSARGS.matcher(command)
                .replaceAll(match -> Matcher.quoteReplacement(match.group(1) == null ? "" : match.group(1)));
        resolved = SITE_PACKAGES.matcher(resolved).replaceAll("");
        return ROOT.matcher(resolved).replaceAll("./");
    }

    private static int pytestStart(List<String> argv) {
        if (argv.isEmpty()) {
            return -1;
        }
        String program = Path.of(argv.get(0)).getFileName().toString();
        if (program.equals("pytest") || program.equals("py.test")) {
            return 1;
        }
        boolean python = program.matches("python[0-9.]*") || argv.get(0).equals("{envpython}");
        return python
                        && argv.size() > 2
                        && argv.get(1).equals("-m")
                        && (argv.get(2).equals("pytest") || argv.get(2).equals("py.test"))
                ? 3
                : -1;
    }

    private void keep(List<String> argv) {
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean separateValue = !arg.contains("=") && i + 1 < argv.size();
            if (arg.contains("{") || arg.contains("}")) {
                dropped.add(arg);
            } else if (FLAGS.contains(arg)) {
                args.add(arg);
            } else if (WITH_VALUE.contains(option) || WITH_PATH.contains(option)) {
                String value =
                        arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : separateValue ? argv.get(++i) : null;
                option(option, value, WITH_PATH.contains(option));
            } else if (REFUSED_WITH_VALUE.contains(arg)
                    && separateValue
                    && !argv.get(i + 1).startsWith("-")) {
                dropped.add(arg + " " + argv.get(++i));
            } else if (arg.startsWith("-")) {
                dropped.add(arg);
            } else {
                path(arg);
            }
        }
    }

    private void option(String option, String value, boolean isPath) {
        if (value == null || value.contains("{") || isPath && inside(value).isEmpty()) {
            dropped.add(value == null ? option : option + "=" + value);
        } else {
            String kept = isPath ? inside(value).get() : value;
            args.addAll(option.startsWith("--") ? List.of(option + "=" + kept) : List.of(option, kept));
        }
    }

    private void path(String arg) {
        String file = arg.contains("::") ? arg.substring(0, arg.indexOf("::")) : arg;
        Optional<String> inside = inside(file);
        if (inside.isPresent() && Files.exists(root.resolve(inside.get()), LinkOption.NOFOLLOW_LINKS)) {
            args.add(inside.get() + arg.substring(file.length()));
            paths.add(inside.get() + arg.substring(file.length()));
        } else {
            dropped.add(arg);
        }
    }

    /** The path relative to the workspace root, normalized, when it stays inside the workspace. */
    private static Optional<String> inside(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.startsWith("~") || path.contains("\\")) {
            return Optional.empty();
        }
        Path normal = Path.of(path).normalize();
        if (normal.startsWith("..")) {
            return Optional.empty();
        }
        String relative = normal.toString();
        return Optional.of(relative.isEmpty() ? "." : relative);
    }
}
