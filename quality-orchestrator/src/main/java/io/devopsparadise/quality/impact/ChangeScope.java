package io.devopsparadise.quality.impact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules every language's selection starts with: a profile that forces full runs, no map yet, a changed
 * environment, or a change Git cannot describe runs every test. Otherwise, the changed files with the blocks each
 * touched: the union of every change, and of the blocks whose checksum differs from the map's.
 */
final class ChangeScope {

    private ChangeScope() {}

    /** Why every test runs before any file is looked at; empty when the change decides. */
    static Optional<Selection> runAllBeforeLooking(
            Optional<ImpactMap> map,
            Map<String, String> environment,
            Optional<List<ChangeSet>> changes,
            String forcedFull) {
        if (forcedFull != null) {
            return Optional.of(Selection.all(forcedFull, Set.of()));
        }
        if (map.isEmpty()) {
            return Optional.of(Selection.all(
                    "no impact map for this workspace yet: this run measures one (per-test coverage)", Set.of()));
        }
        Set<String> names = new TreeSet<>(map.get().environment().keySet());
        names.addAll(environment.keySet());
        List<String> changed = names.stream()
                .filter(name -> !Objects.equals(map.get().environment().get(name), environment.get(name)))
                .toList();
        if (!changed.isEmpty()) {
            return Optional.of(Selection.all(
                    "what the tests run with changed since the map was measured (" + String.join(", ", changed)
                            + "): every test runs",
                    Set.of()));
        }
        if (changes.isEmpty()) {
            return Optional.of(Selection.all(
                    "Git cannot say what changed since the map's commit "
                            + shortCommit(map.get().commit())
                            + " (no repository, or the commit is gone): every test runs",
                    Set.of()));
        }
        if (changes.get().stream().anyMatch(ChangeSet::tooLarge)) {
            return Optional.of(Selection.all(
                    "the change touches more than " + ChangeDetector.MAX_FILES + " files: every test runs", Set.of()));
        }
        return Optional.empty();
    }

    /**
     * Each changed file with the blocks it touched. Files Git sees no change in that differ from the map all the same
     * count too: the map was measured on uncommitted edits, and the file went back to its committed text.
     *
     * @param suffix the source files whose blocks the map holds (".py", ".java")
     */
    static Map<String, Set<String>> changedFiles(ImpactMap map, List<ChangeSet> changes, Sources now, String suffix) {
        Map<String, Set<String>> files = new LinkedHashMap<>();
        for (ChangeSet change : changes) {
            for (FileChange file : change.files()) {
                files.computeIfAbsent(file.path(), k -> new TreeSet<>()).addAll(file.blocks());
                if (file.oldPath() != null && !file.oldPath().equals(file.path())) {
                    files.computeIfAbsent(file.oldPath(), k -> new TreeSet<>()).add(SourceBlocks.MODULE);
                }
            }
        }
        files.forEach((file, blocks) -> blocks.addAll(sinceMap(map, file, now, suffix)));
        for (String file : new TreeSet<>(map.checksums().keySet())) {
            Set<String> blocks = files.containsKey(file) ? Set.of() : sinceMap(map, file, now, suffix);
            if (!blocks.isEmpty()) {
                files.put(file, new TreeSet<>(blocks));
            }
        }
        return files;
    }

    /** Blocks of a source file whose checksum differs from the map's (or that one side lacks). */
    private static Set<String> sinceMap(ImpactMap map, String file, Sources now, String suffix) {
        if (!file.endsWith(suffix)) {
            return Set.of();
        }
        Map<String, String> before = map.checksums().getOrDefault(file, Map.of());
        Map<String, String> after =
                now.blocks(file).map(SourceBlocks::checksums).orElse(Map.of());
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        names.removeIf(name -> Objects.equals(before.get(name), after.get(name)));
        return names;
    }

    static String shortCommit(String commit) {
        return commit == null ? "(none)" : commit.substring(0, Math.min(12, commit.length()));
    }
}
