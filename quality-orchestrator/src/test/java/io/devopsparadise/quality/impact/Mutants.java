package io.devopsparadise.quality.impact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Mutants of a package's functions, picked deterministically: the functions of its non-test Python files sorted by
 * file and name, spread evenly over that list; one edit in each function's body (never its header or docstring),
 * the kinds taken in turn (comparison, return, constant), falling back to another kind when a function has none of
 * its turn. An edit counts only when it changes that function's block and no other (a docstring or a comment would
 * change the file's documentation instead), and when Python still parses the file.
 */
final class Mutants {

    private static final Pattern DEF = Pattern.compile("^\\s*(async\\s+)?def\\s");
    private static final MutationKind[] KINDS = MutationKind.values();

    private Mutants() {}

    static List<Mutant> pick(Path workspace, String packageDir, int count) {
        List<FunctionEdits> functions = new ArrayList<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (String file : sourceFiles(workspace, packageDir)) {
            sources.put(file, read(workspace.resolve(file)));
            functions.addAll(functions(file, sources.get(file)));
        }
        functions.sort(Comparator.comparing(FunctionEdits::file).thenComparing(FunctionEdits::function));
        return spread(
                functions,
                count,
                mutant -> isClean(mutant, sources.get(mutant.file()))
                        && parses(mutant.appliedTo(sources.get(mutant.file()))));
    }

    /** Every function of a file with the edits each kind could make in its body, before checking them. */
    static List<FunctionEdits> functions(String file, String source) {
        String[] lines = source.split("\n", -1);
        SourceBlocks blocks = PythonBlocks.parse(source);
        CodeColumns code = CodeColumns.of(lines);
        Set<String> functions = functionNames(lines, blocks);
        Map<String, FunctionEdits> edits = new LinkedHashMap<>();
        for (int number = 1; number <= lines.length; number++) {
            String function = blocks.blockAt(number);
            if (!functions.contains(function) || blocks.isHeader(number)) {
                continue;
            }
            for (MutationKind kind : KINDS) {
                for (String edit : kind.edits(lines[number - 1], number, code)) {
                    edits.computeIfAbsent(function, name -> new FunctionEdits(file, name, new ArrayList<>()))
                            .edits()
                            .add(new Mutant(file, function, number, kind, lines[number - 1], edit));
                }
            }
        }
        return List.copyOf(edits.values());
    }

    /** Whether the edit changes its function's block and nothing else: not its docstring, not another block. */
    static boolean isClean(Mutant mutant, String source) {
        Map<String, String> before = PythonBlocks.parse(source).checksums();
        Map<String, String> after = PythonBlocks.parse(mutant.appliedTo(source)).checksums();
        return before.keySet().equals(after.keySet())
                && !before.get(mutant.function()).equals(after.get(mutant.function()))
                && before.keySet().stream()
                        .filter(name -> !name.equals(mutant.function()))
                        .allMatch(name -> before.get(name).equals(after.get(name)));
    }

    /** One function's possible edits, in line order. */
    record FunctionEdits(String file, String function, List<Mutant> edits) {

        /** The first acceptable edit of the first kind in {@code order} that has one. */
        Optional<Mutant> first(List<MutationKind> order, Predicate<Mutant> acceptable) {
            return order.stream()
                    .flatMap(kind -> edits.stream().filter(edit -> edit.kind() == kind))
                    .filter(acceptable)
                    .findFirst();
        }
    }

    static List<Mutant> spread(List<FunctionEdits> functions, int count, Predicate<Mutant> acceptable) {
        int wanted = Math.min(count, functions.size());
        List<Mutant> mutants = new ArrayList<>();
        Set<Integer> tried = new HashSet<>();
        for (int i = 0; i < wanted; i++) {
            int start = (int) ((long) i * functions.size() / wanted);
            for (int step = 0; step < functions.size(); step++) {
                int index = (start + step) % functions.size();
                Optional<Mutant> mutant = tried.add(index)
                        ? functions.get(index).first(turn(mutants.size()), acceptable)
                        : Optional.empty();
                if (mutant.isPresent()) {
                    mutants.add(mutant.get());
                    break;
                }
            }
        }
        return mutants;
    }

    /** The kinds in the order the n-th mutant tries them: its own turn first. */
    static List<MutationKind> turn(int n) {
        List<MutationKind> order = new ArrayList<>();
        for (int k = 0; k < KINDS.length; k++) {
            order.add(KINDS[(n + k) % KINDS.length]);
        }
        return order;
    }

    private static Set<String> functionNames(String[] lines, SourceBlocks blocks) {
        Set<String> functions = new HashSet<>();
        for (int number = 1; number <= lines.length; number++) {
            if (blocks.isHeader(number) && DEF.matcher(lines[number - 1]).find()) {
                functions.add(blocks.blockAt(number));
            }
        }
        return functions;
    }

    private static List<String> sourceFiles(Path workspace, String packageDir) {
        var listed =
                LocalRuns.run(workspace, List.of("git", "ls-files", "--", packageDir), Map.of(), Duration.ofMinutes(1));
        return listed.stdout()
                .lines()
                .filter(file ->
                        file.endsWith(".py") && !PythonSources.isTestFile(file) && !PythonSources.isConftest(file))
                .filter(file -> !file.startsWith("tests/")
                        && !file.contains("/tests/")
                        && !file.startsWith("test/")
                        && !file.contains("/test/"))
                .sorted()
                .toList();
    }

    private static boolean parses(String source) {
        try {
            Path file = Files.createTempFile("mutant", ".py");
            try {
                Files.writeString(file, source, StandardCharsets.UTF_8);
                List<String> command = List.of(
                        LocalRuns.PYTHON,
                        "-c",
                        "import ast, sys; ast.parse(open(sys.argv[1], encoding='utf-8').read())",
                        file.toString());
                return LocalRuns.run(file.getParent(), command, Map.of(), Duration.ofSeconds(30))
                                .exitCode()
                        == 0;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
