package io.devopsparadise.quality.impact;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Selects the tests a change can break, by the safety rules: a change the map cannot resolve, or one to a build,
 * configuration, dependency or data file, runs everything; new tests and tests that failed last time always run.
 * Otherwise a changed function selects the tests that ran it; a change to code that runs at import (module
 * statements, class bodies, a function called at import) selects, through the import graph, every test file that
 * imports the module; a conftest.py change selects its directory.
 */
final class TestSelector {

    /**
     * @param map        the workspace's impact map, if any
     * @param environment what the tests run with now
     * @param changes    the change since the map's commit, and since the requested base; empty when Git cannot tell
     * @param forcedFull why the profile runs every test; null when it does not
     * @param docsTested the project runs doctests of documentation files (--doctest-glob)
     * @param doctests   the project runs the doctests of its modules (--doctest-modules)
     */
    record Input(Optional<ImpactMap> map, Map<String, String> environment, Optional<List<ChangeSet>> changes, String forcedFull,
                 boolean docsTested, boolean doctests, PythonSources now) {
    }

    private final Input input;
    private final ImpactMap map;
    private final Map<String, Set<String>> testsByBlock;
    private final List<String> reasons = new ArrayList<>();
    private final Set<String> nodeIds = new TreeSet<>();
    private final Set<String> paths = new TreeSet<>();
    private final Set<String> changedRefs = new TreeSet<>();
    private ImportGraph imports;

    private TestSelector(Input input) {
        this.input = input;
        this.map = input.map().orElse(null);
        this.testsByBlock = map == null ? Map.of() : map.testsByBlock();
    }

    static Selection select(Input input) {
        return new TestSelector(input).select();
    }

    private Selection select() {
        if (input.forcedFull() != null) {
            return Selection.all(input.forcedFull(), Set.of());
        }
        if (map == null) {
            return Selection.all("no impact map for this workspace yet: this run measures one (per-test coverage)", Set.of());
        }
        Optional<String> environment = environmentChange();
        if (environment.isPresent()) {
            return Selection.all(environment.get(), Set.of());
        }
        if (input.changes().isEmpty()) {
            return Selection.all("Git cannot say what changed since the map's commit " + shortCommit(map.commit())
                    + " (no repository, or the commit is gone): every test runs", Set.of());
        }
        Map<String, Set<String>> files = changedFiles();
        if (files == null) {
            return Selection.all("the change touches more than " + ChangeDetector.MAX_FILES + " files: every test runs", Set.of());
        }
        for (Map.Entry<String, Set<String>> file : files.entrySet()) {
            Optional<String> all = consider(file.getKey(), file.getValue());
            if (all.isPresent()) {
                return Selection.all(all.get(), changedRefs);
            }
        }
        if (paths.contains(".")) {
            return Selection.all("conftest.py at the workspace root changed: every test runs", changedRefs);
        }
        alwaysRun();
        if (nodeIds.isEmpty() && paths.isEmpty()) {
            reasons.add(files.isEmpty() ? "nothing changed since the last mapped run" : "no test reaches the changed code");
        }
        return new Selection(false, reasons, nodeIds, paths, changedRefs);
    }

    private Optional<String> environmentChange() {
        Set<String> names = new TreeSet<>(map.environment().keySet());
        names.addAll(input.environment().keySet());
        List<String> changed = names.stream()
                .filter(name -> !java.util.Objects.equals(map.environment().get(name), input.environment().get(name))).toList();
        return changed.isEmpty() ? Optional.empty()
                : Optional.of("what the tests run with changed since the map was measured (" + String.join(", ", changed) + "): every test runs");
    }

    /** Each changed file with the blocks it touched: the union of every change, and of the checksums against the map. */
    private Map<String, Set<String>> changedFiles() {
        Map<String, Set<String>> files = new LinkedHashMap<>();
        for (ChangeSet change : input.changes().get()) {
            if (change.tooLarge()) {
                return null;
            }
            for (FileChange file : change.files()) {
                files.computeIfAbsent(file.path(), k -> new TreeSet<>()).addAll(file.blocks());
                if (file.oldPath() != null && !file.oldPath().equals(file.path())) {
                    files.computeIfAbsent(file.oldPath(), k -> new TreeSet<>()).add(SourceBlocks.MODULE);
                }
            }
        }
        files.forEach((file, blocks) -> blocks.addAll(sinceMap(file)));
        uncommittedSinceMap(files);
        return files;
    }

    /**
     * Files Git sees no change in that differ from the map all the same: the map was measured on uncommitted edits,
     * and the file went back to its committed text (an edit reverted with {@code git checkout}).
     */
    private void uncommittedSinceMap(Map<String, Set<String>> files) {
        for (String file : new TreeSet<>(map.checksums().keySet())) {
            Set<String> blocks = files.containsKey(file) ? Set.of() : sinceMap(file);
            if (!blocks.isEmpty()) {
                files.put(file, new TreeSet<>(blocks));
            }
        }
    }

    /** Blocks of a Python file whose checksum differs from the map's (or that one side lacks). */
    private Set<String> sinceMap(String file) {
        if (!file.endsWith(".py")) {
            return Set.of();
        }
        Map<String, String> before = map.checksums().getOrDefault(file, Map.of());
        Map<String, String> after = input.now().blocks(file).map(SourceBlocks::checksums).orElse(Map.of());
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        names.removeIf(name -> java.util.Objects.equals(before.get(name), after.get(name)));
        return names;
    }

    /** Selects the tests one changed file reaches; a reason to run everything when the map cannot resolve it. */
    private Optional<String> consider(String file, Set<String> blocks) {
        FileKind kind = FileKind.of(file);
        switch (kind) {
            case BUILD:
                return Optional.of("a build, configuration or dependency file changed (" + file + "): every test runs");
            case DATA:
                return Optional.of("a data or configuration file changed (" + file + "), and no map says which tests read it: every test runs");
            case DOCUMENTATION:
                if (input.docsTested()) {
                    return Optional.of("documentation changed (" + file + ") and the project runs its doctests (--doctest-glob): every test runs");
                }
                reasons.add("documentation only, no test reads it: " + file);
                return Optional.empty();
            case REPOSITORY_TOOLING:
                reasons.add("repository tooling, no test runs it: " + file);
                return Optional.empty();
            default:
                python(file, blocks);
                return Optional.empty();
        }
    }

    private void python(String file, Set<String> blocks) {
        blocks.forEach(block -> changedRefs.add(ImpactMap.ref(file, block)));
        if (PythonSources.isConftest(file)) {
            String directory = file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "";
            runPath(directory.isEmpty() ? "." : directory, "conftest.py changed: every test under " + (directory.isEmpty() ? "the workspace" : directory));
            return;
        }
        boolean testFile = PythonSources.isTestFile(file) || !map.testsUnder(file).isEmpty() && isTestModule(file);
        if (testFile && !input.now().contains(file)) {
            reasons.add("test file removed: " + file);
            return;
        }
        if (testFile && !map.checksums().containsKey(file)) {
            runPath(file, "new test file: " + file);
            return;
        }
        boolean measured = isMeasured(file);
        if (blocks.remove(SourceBlocks.DOCUMENTATION)) {
            documentation(file, testFile);
        }
        for (String block : blocks) {
            String ref = ImpactMap.ref(file, block);
            Set<String> covering = testsByBlock.getOrDefault(ref, Set.of());
            covering.forEach(this::runTest);
            if (testFile && isTestBlock(block)) {
                runTest(file + "::" + block.replace(".", "::"));
            } else if (testFile || block.equals(SourceBlocks.MODULE) || map.importTime().contains(ref) || !measured) {
                importers(file, testFile ? "a test helper or module statement changed in " + file
                        : measured ? "code that runs at import changed (" + ref + ")" : "no test coverage measures " + file);
            }
            if (!covering.isEmpty()) {
                reasons.add(covering.size() + " test(s) ran " + ref);
            }
        }
        doctests(file);
    }

    /** Every test file that imports the changed file, directly or not: the static fallback. */
    private void importers(String file, String why) {
        if (imports == null) {
            Set<String> known = new LinkedHashSet<>(input.now().files());
            known.add(file);
            imports = ImportGraph.of(input.now().root(), known);
        }
        List<String> reached = new ArrayList<>();
        if (PythonSources.isTestFile(file) && input.now().contains(file)) {
            reached.add(file);
        }
        for (String dependent : imports.dependents(file)) {
            if (PythonSources.isConftest(dependent)) {
                String directory = dependent.contains("/") ? dependent.substring(0, dependent.lastIndexOf('/') + 1) : ".";
                reached.add(directory);
            } else if (isCollectedTestFile(dependent) || isTestModule(dependent)) {
                reached.add(dependent);
            }
        }
        reached.forEach(path -> paths.add(path));
        reasons.add(why + ": " + reached.size() + " test file(s) import it");
    }

    /** Comments and docstrings change no behaviour; a docstring may hold doctests, which run when the project runs them. */
    private void documentation(String file, boolean testFile) {
        if (!testFile && (input.doctests() || !map.testsUnder(file).isEmpty())) {
            paths.add(file);
            reasons.add("docstrings or comments changed in " + file + ": its doctests run");
        } else {
            reasons.add("only comments or docstrings changed in " + file + ": no behaviour changed");
        }
    }

    /** A module whose doctests ran before runs them again when it changes: they may test the changed code. */
    private void doctests(String file) {
        if (!PythonSources.isTestFile(file) && !map.testsUnder(file).isEmpty()) {
            paths.add(file);
        }
    }

    private void alwaysRun() {
        List<String> failed = map.tests().entrySet().stream().filter(e -> e.getValue().failedLast()).map(Map.Entry::getKey).sorted().toList();
        failed.forEach(this::runTest);
        if (!failed.isEmpty()) {
            reasons.add(failed.size() + " test(s) failed last time and run again");
        }
    }

    private void runTest(String nodeId) {
        String withoutParameters = nodeId.contains("[") ? nodeId.substring(0, nodeId.indexOf('[')) : nodeId;
        nodeIds.add(withoutParameters);
    }

    private void runPath(String path, String why) {
        paths.add(path);
        reasons.add(why);
    }

    private boolean isMeasured(String file) {
        String prefix = file + "::";
        return testsByBlock.keySet().stream().anyMatch(ref -> ref.startsWith(prefix))
                || map.importTime().stream().anyMatch(ref -> ref.startsWith(prefix));
    }

    /**
     * A test file the suite collects: the map's full run saw its tests. A file named like a test outside the suite's
     * test paths (a benchmark folder) is not run: the full suite never runs it, and its collection error would stop
     * the whole run before any selected test.
     */
    private boolean isCollectedTestFile(String file) {
        return PythonSources.isTestFile(file) && !map.testsUnder(file).isEmpty();
    }

    private boolean isTestModule(String file) {
        return !map.testsUnder(file).isEmpty() && map.testsUnder(file).stream().anyMatch(id -> !id.contains(".py::" + moduleName(file)));
    }

    private static String moduleName(String file) {
        return file.substring(0, file.length() - 3).replace('/', '.');
    }

    private static boolean isTestBlock(String block) {
        String last = block.substring(block.lastIndexOf('.') + 1);
        return last.startsWith("test") && !block.equals(SourceBlocks.MODULE);
    }

    private static String shortCommit(String commit) {
        return commit == null ? "(none)" : commit.substring(0, Math.min(12, commit.length()));
    }
}
