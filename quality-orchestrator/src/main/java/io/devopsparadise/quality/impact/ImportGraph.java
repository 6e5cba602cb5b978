package io.devopsparadise.quality.impact;

import io.devopsparadise.quality.reportdir.WorkspaceText;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which workspace Python files import which, read from their {@code import} and {@code from … import} statements
 * (at any depth: lazy imports count), resolved against the workspace root, {@code src/} and the importing file's own
 * directory (pytest's default import mode puts a test's directory on the path). Importing {@code a.b.c} also imports
 * the packages {@code a} and {@code a.b}. Dynamic imports are not seen: coverage covers those.
 */
final class ImportGraph {

    private static final Pattern IMPORT = Pattern.compile(
            "^\\s*+import\\s++([\\w.]++(?:\\s++as\\s++\\w++)?+(?:\\s*+,\\s*+[\\w.]++(?:\\s++as\\s++\\w++)?+)*+)");
    private static final Pattern FROM =
            Pattern.compile("^\\s*+from\\s++(\\.*+)([\\w.]*+)\\s++import\\s++\\(?+([^#)]*+)");
    /** Longer lines are no imports anyone writes, and are not matched at all. */
    private static final int MAX_LINE = 2_000;

    private final Map<String, Set<String>> importedBy = new HashMap<>();

    private ImportGraph() {}

    /** A graph read by another language's reader: file → the files that use it directly. */
    static ImportGraph of(Map<String, Set<String>> usedBy) {
        ImportGraph graph = new ImportGraph();
        graph.importedBy.putAll(usedBy);
        return graph;
    }

    /** Reads every listed file (workspace-relative, ending in .py). */
    static ImportGraph of(Path workspace, Collection<String> pythonFiles) {
        Set<String> known = new HashSet<>(pythonFiles);
        ImportGraph graph = new ImportGraph();
        for (String file : pythonFiles) {
            WorkspaceText.read(workspace, file, ChangeDetector.MAX_FILE_BYTES).ifPresent(source -> {
                for (String imported : graph.imports(file, source, known)) {
                    graph.importedBy
                            .computeIfAbsent(imported, k -> new TreeSet<>())
                            .add(file);
                }
            });
        }
        return graph;
    }

    /** The files that import {@code file}, directly or through others, in the order found. */
    Set<String> dependents(String file) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(file));
        while (!next.isEmpty()) {
            for (String importer : importedBy.getOrDefault(next.pop(), Set.of())) {
                if (seen.add(importer)) {
                    next.add(importer);
                }
            }
        }
        seen.remove(file);
        return seen;
    }

    private Set<String> imports(String file, String source, Set<String> known) {
        Set<String> found = new LinkedHashSet<>();
        String directory = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "";
        for (String line : joinedLines(source)) {
            if (line.length() > MAX_LINE) {
                continue;
            }
            Matcher plain = IMPORT.matcher(line);
            if (plain.find()) {
                for (String part : plain.group(1).split(",")) {
                    found.addAll(resolve(part.strip().split("\\s+")[0], directory, known));
                }
                continue;
            }
            Matcher from = FROM.matcher(line);
            if (from.find()) {
                String base = from.group(1).isEmpty()
                        ? from.group(2)
                        : relative(directory, from.group(1).length(), from.group(2));
                if (base == null) {
                    continue;
                }
                found.addAll(resolve(base, directory, known));
                for (String name : from.group(3).split(",")) {
                    String member = name.strip().split("\\s+")[0];
                    if (member.matches("\\w+")) {
                        found.addAll(resolve(base.isEmpty() ? member : base + "." + member, directory, known));
                    }
                }
            }
        }
        found.remove(file);
        return found;
    }

    /** A relative import's absolute dotted name, as a path-like name from the workspace root; null above the root. */
    private static String relative(String directory, int dots, String rest) {
        List<String> parts = new ArrayList<>(directory.isEmpty() ? List.of() : List.of(directory.split("/")));
        for (int up = 1; up < dots; up++) {
            if (parts.isEmpty()) {
                return null;
            }
            parts.remove(parts.size() - 1);
        }
        String base = String.join(".", parts);
        return rest.isEmpty() ? base : base.isEmpty() ? rest : base + "." + rest;
    }

    /** The workspace files a dotted name can load: the module or package and every package above it. */
    private static Set<String> resolve(String dotted, String directory, Set<String> known) {
        Set<String> files = new LinkedHashSet<>();
        if (dotted.isEmpty()) {
            return files;
        }
        String[] parts = dotted.split("\\.");
        for (String root : new String[] {"", "src/", directory.isEmpty() ? "" : directory + "/"}) {
            StringBuilder path = new StringBuilder(root);
            for (int i = 0; i < parts.length; i++) {
                path.append(i == 0 ? "" : "/").append(parts[i]);
                addIfKnown(files, known, path + ".py");
                addIfKnown(files, known, path + "/__init__.py");
            }
        }
        return files;
    }

    private static void addIfKnown(Set<String> files, Set<String> known, String candidate) {
        if (known.contains(candidate)) {
            files.add(candidate);
        }
    }

    /** Physical lines, with a parenthesised import list joined onto its first line. */
    private static List<String> joinedLines(String source) {
        List<String> lines = new ArrayList<>();
        StringBuilder pending = null;
        for (String line : source.split("\r\n|\n|\r")) {
            if (pending != null) {
                pending.append(' ').append(line.strip());
                if (line.contains(")") || pending.length() > MAX_LINE) {
                    lines.add(pending.toString());
                    pending = null;
                }
                continue;
            }
            if (line.contains("import") && line.contains("(") && !line.contains(")")) {
                pending = new StringBuilder(line);
            } else {
                lines.add(line.endsWith("\\") ? line.substring(0, line.length() - 1) : line);
            }
        }
        return lines;
    }
}
