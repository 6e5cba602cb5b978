package io.devopsparadise.quality.impact;

import java.util.ArrayList;
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
    record Input(
            Optional<ImpactMap> map,
            Map<String, String> environment,
            Optional<List<ChangeSet>> changes,
            String forcedFull,
            boolean docsTested,
            boolean doctests,
            PythonSources now) {}

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
        Optional<Selection> before =
                ChangeScope.runAllBeforeLooking(input.map(), input.environment(), input.changes(), input.forcedFull());
        if (before.isPresent()) {
            return before.get();
        }
        Map<String, Set<String>> files =
                ChangeScope.changedFiles(map, input.changes().get(), input.now(), ".py");
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
            reasons.add(
                    files.isEmpty() ? "nothing changed since the last mapped run" : "no test reaches the changed code");
        }
        return new Selection(false, reasons, nodeIds, paths, changedRefs);
    }

    /** Selects the tests one changed file reaches; a reason to run everything when the map cannot resolve it. */
    private Optional<String> consider(String file, Set<String> blocks) {
        FileKind kind = FileKind.of(file);
        switch (kind) {
            case BUILD:
                return Optional.of("a build, configuration or dependency file changed (" + file + "): every test runs");
            case DATA, JAVA:
                return Optional.of("a data or configuration file changed (" + file
                        + "), and no map says which tests read it: every test runs");
            case DOCUMENTATION:
                if (input.docsTested()) {
                    return Optional.of("documentation changed (" + file
                            + ") and the project runs its doctests (--doctest-glob): every test runs");
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
            runPath(
                    directory.isEmpty() ? "." : directory,
                    "conftest.py changed: every test under " + (directory.isEmpty() ? "the workspace" : directory));
            return;
        }
        boolean testFile =
                PythonSources.isTestFile(file) || !map.testsUnder(file).isEmpty() && isTestModule(file);
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
        Set<String> functionsNow =
                input.now().blocks(file).map(SourceBlocks::functions).orElse(Set.of());
        Set<String> functionsBefore =
                map.checksums().getOrDefault(file, Map.of()).keySet();
        for (String block : blocks) {
            String ref = ImpactMap.ref(file, block);
            Set<String> covering = testsByBlock.getOrDefault(ref, Set.of());
            covering.forEach(this::runTest);
            // an edited function reaches the tests that ran it; anything else (a class, a module statement, a block
            // added or removed, code run at import) changes what importing the module gives
            boolean editedFunction = functionsNow.contains(block)
                    && functionsBefore.contains(block)
                    && !map.importTime().contains(ref);
            if (testFile && isTestBlock(block) && functionsNow.contains(block)) {
                testChanged(file, block);
            } else if (testFile || !editedFunction || !measured) {
                importers(
                        file,
                        testFile
                                ? "a test helper or module statement changed in " + file
                                : !measured
                                        ? "no test coverage measures " + file
                                        : functionsNow.contains(block)
                                                        || !functionsBefore.contains(block)
                                                                && !block.equals(SourceBlocks.MODULE)
                                                ? "code that runs at import, or a name the module gives, changed ("
                                                        + ref + ")"
                                                : "code that runs at import changed (" + ref + ")");
            }
            if (!covering.isEmpty()) {
                reasons.add(covering.size() + " test(s) ran " + ref);
            }
        }
        doctests(file);
    }

    /** An edited test runs itself when the map knows it; otherwise (new, or in a class pytest does not collect) its file runs. */
    private void testChanged(String file, String block) {
        String id = file + "::" + block.replace(".", "::");
        boolean known = map.tests().keySet().stream().anyMatch(test -> test.equals(id) || test.startsWith(id + "["));
        if (known) {
            runTest(id);
        } else {
            runPath(file, "a test the map does not know yet changed in " + file + ": the file runs");
        }
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
                String directory =
                        dependent.contains("/") ? dependent.substring(0, dependent.lastIndexOf('/') + 1) : ".";
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
        if (!testFile && !map.testsUnder(file).isEmpty()) {
            doctests(file);
            reasons.add("docstrings or comments changed in " + file + ": its doctests run");
        } else if (!testFile && input.doctests() && !definesTests(file)) {
            paths.add(file);
            reasons.add("docstrings or comments changed in " + file + ", which had no doctest yet: its doctests run");
        } else {
            reasons.add("only comments or docstrings changed in " + file + ": no behaviour changed");
        }
    }

    /**
     * A module whose doctests ran before runs them again when it changes: they may test the changed code. They run
     * by their ids: a source module given as a path would be collected as a test module too.
     */
    private void doctests(String file) {
        if (!PythonSources.isTestFile(file)) {
            map.testsUnder(file).forEach(this::runTest);
        }
    }

    private void alwaysRun() {
        List<String> failed = map.tests().entrySet().stream()
                .filter(e -> e.getValue().failedLast())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        failed.forEach(this::runFailedAgain);
        if (!failed.isEmpty()) {
            reasons.add(failed.size() + " test(s) failed last time and run again");
        }
    }

    /**
     * A test that failed last time runs again while it is still there; a test renamed or removed since is not passed
     * by its id (pytest would refuse the whole run), its file runs instead when it is still a test file.
     */
    private void runFailedAgain(String nodeId) {
        String file = ImpactMap.fileOf(nodeId);
        if (!input.now().contains(file)) {
            return;
        }
        String inFile =
                nodeId.substring(Math.min(nodeId.length(), file.length() + 2)).replaceAll("\\[.*$", "");
        Set<String> blocks =
                input.now().blocks(file).map(b -> b.checksums().keySet()).orElse(Set.of());
        String block = inFile.replace("::", ".");
        boolean doctest = !PythonSources.isTestFile(file) && block.contains(".");
        String module = moduleName(file).substring(moduleName(file).lastIndexOf('.') + 1);
        boolean there = doctest
                ? block.endsWith(module) || blocks.stream().anyMatch(b -> block.endsWith("." + b))
                : blocks.contains(block);
        if (there) {
            runTest(nodeId);
        } else if (PythonSources.isTestFile(file)) {
            paths.add(file);
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

    /** Whether pytest would collect tests from the module when given its path (a function test_*, a class Test*). */
    private boolean definesTests(String file) {
        return input.now()
                .blocks(file)
                .map(b -> b.checksums().keySet().stream()
                        .anyMatch(name -> name.startsWith("test") || name.startsWith("Test")))
                .orElse(true);
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
        return !map.testsUnder(file).isEmpty()
                && map.testsUnder(file).stream().anyMatch(id -> !id.contains(".py::" + moduleName(file)));
    }

    private static String moduleName(String file) {
        return file.substring(0, file.length() - 3).replace('/', '.');
    }

    private static boolean isTestBlock(String block) {
        String last = block.substring(block.lastIndexOf('.') + 1);
        return last.startsWith("test") && !block.equals(SourceBlocks.MODULE);
    }
}
