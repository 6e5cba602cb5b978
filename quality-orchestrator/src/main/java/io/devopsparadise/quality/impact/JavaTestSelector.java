package io.devopsparadise.quality.impact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Selects the test classes a Java change can break, by the same safety rules as for pytest. A test is a test class
 * (its file), as JaCoCo measures per class. An edited method selects the classes that ran it; anything else in a
 * main class (a field, an initializer, a declaration, imports, a method added or removed), or a class no test
 * measured, selects every test class that uses it through the import graph; a test helper under src/test does too. A
 * changed test class runs itself; a resource, build or configuration file runs everything.
 */
final class JavaTestSelector {

    record Input(
            Optional<ImpactMap> map,
            Map<String, String> environment,
            Optional<List<ChangeSet>> changes,
            String forcedFull,
            JavaSources now) {}

    private final Input input;
    private final ImpactMap map;
    private final Map<String, Set<String>> testsByBlock;
    private final List<String> reasons = new ArrayList<>();
    private final Set<String> classes = new TreeSet<>();
    private final Set<String> changedRefs = new TreeSet<>();
    private ImportGraph uses;

    private JavaTestSelector(Input input) {
        this.input = input;
        this.map = input.map().orElse(null);
        this.testsByBlock = map == null ? Map.of() : map.testsByBlock();
    }

    static Selection select(Input input) {
        return new JavaTestSelector(input).select();
    }

    private Selection select() {
        Optional<Selection> before =
                ChangeScope.runAllBeforeLooking(input.map(), input.environment(), input.changes(), input.forcedFull());
        if (before.isPresent()) {
            return before.get();
        }
        Map<String, Set<String>> files =
                ChangeScope.changedFiles(map, input.changes().get(), input.now(), ".java");
        for (Map.Entry<String, Set<String>> file : files.entrySet()) {
            Optional<String> all = consider(file.getKey(), file.getValue());
            if (all.isPresent()) {
                return Selection.all(all.get(), changedRefs);
            }
        }
        List<String> failed = map.tests().entrySet().stream()
                .filter(e -> e.getValue().failedLast())
                .map(Map.Entry::getKey)
                .filter(input.now()::contains)
                .sorted()
                .toList();
        classes.addAll(failed);
        if (!failed.isEmpty()) {
            reasons.add(failed.size() + " test class(es) failed last time and run again");
        }
        if (classes.isEmpty()) {
            reasons.add(
                    files.isEmpty() ? "nothing changed since the last mapped run" : "no test reaches the changed code");
        }
        return new Selection(false, reasons, Set.of(), classes, changedRefs);
    }

    private Optional<String> consider(String file, Set<String> blocks) {
        return switch (FileKind.of(file)) {
            case BUILD ->
                Optional.of("a build, configuration or dependency file changed (" + file + "): every test runs");
            case DOCUMENTATION -> {
                reasons.add("documentation only, no test reads it: " + file);
                yield Optional.empty();
            }
            case REPOSITORY_TOOLING -> {
                reasons.add("repository tooling, no test runs it: " + file);
                yield Optional.empty();
            }
            case JAVA -> {
                java(file, blocks);
                yield Optional.empty();
            }
            default ->
                Optional.of("a resource, data or script file changed (" + file
                        + "), and no map says which tests read it: every test runs");
        };
    }

    private void java(String file, Set<String> blocks) {
        blocks.forEach(block -> changedRefs.add(ImpactMap.ref(file, block)));
        boolean documentationOnly = blocks.remove(SourceBlocks.DOCUMENTATION) && blocks.isEmpty();
        if (JavaSources.isTestFile(file)) {
            if (!input.now().contains(file)) {
                reasons.add("test class removed: " + file);
            } else if (isNewTestClass(file)) {
                run(file, "new test class: " + file);
            } else if (!map.tests().containsKey(file)) {
                reasons.add(
                        "a test class the last full run did not run changed (the build excludes it, or it has no test): "
                                + file);
            } else if (!documentationOnly) {
                run(file, "test class changed: " + file);
            }
            return;
        }
        if (documentationOnly) {
            reasons.add("only comments or Javadoc changed in " + file + ": no behaviour changed");
            return;
        }
        boolean measured = isMeasured(file);
        Set<String> methodsNow =
                input.now().blocks(file).map(SourceBlocks::functions).orElse(Set.of());
        Set<String> before = map.checksums().getOrDefault(file, Map.of()).keySet();
        for (String block : blocks) {
            String ref = ImpactMap.ref(file, block);
            Set<String> covering = testsByBlock.getOrDefault(ref, Set.of());
            covering.forEach(classes::add);
            if (!covering.isEmpty()) {
                reasons.add(covering.size() + " test class(es) ran " + ref);
            }
            boolean editedMethod = methodsNow.contains(block)
                    && before.contains(block)
                    && !map.importTime().contains(ref);
            if (JavaSources.isTestSource(file) || !measured || !editedMethod) {
                users(
                        file,
                        JavaSources.isTestSource(file)
                                ? "a test helper changed (" + file + ")"
                                : !measured
                                        ? "no test coverage measures " + file
                                        : !input.now().contains(file)
                                                ? "a class was removed (" + file + ")"
                                                : "what the class gives changed (" + ref
                                                        + "): its fields, initializers, declaration, imports or methods");
            }
        }
    }

    /** Every test class that uses the file's types, directly or through others: the static fallback. */
    private void users(String file, String why) {
        if (uses == null) {
            uses = JavaImports.of(input.now());
        }
        List<String> reached =
                uses.dependents(file).stream().filter(this::isRunTestClass).toList();
        classes.addAll(reached);
        reasons.add(why + ": " + reached.size() + " test class(es) use it");
    }

    /**
     * A test class Surefire runs: the map's full run saw it, or it is new and named as Surefire's defaults include
     * (an integration test is left to the build that runs those). A class the project's configuration excludes is
     * never named: -Dtest would run it anyway.
     */
    private boolean isRunTestClass(String file) {
        return map.tests().containsKey(file) || isNewTestClass(file);
    }

    private boolean isNewTestClass(String file) {
        return JavaSources.isTestFile(file)
                && !map.checksums().containsKey(file)
                && input.now().contains(file)
                && !file.contains("Integration")
                && !file.endsWith("IT.java");
    }

    private void run(String file, String why) {
        classes.add(file);
        reasons.add(why);
    }

    private boolean isMeasured(String file) {
        String prefix = file + "::";
        return testsByBlock.keySet().stream().anyMatch(ref -> ref.startsWith(prefix))
                || map.importTime().stream().anyMatch(ref -> ref.startsWith(prefix));
    }
}
