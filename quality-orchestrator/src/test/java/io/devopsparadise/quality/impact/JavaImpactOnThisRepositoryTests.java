package io.devopsparadise.quality.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Java parts of test impact on real code: this module's own sources and the classes the build just compiled
 * from them (no Java project is among the corpora). What the JDK's own tools read from the bytecode is the truth:
 * {@code javap}'s line tables say which lines each method runs, so coverage of those lines must land in that
 * method's block; {@code jdeps} says which classes use which, so the import graph must hold every such use.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavaImpactOnThisRepositoryTests {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path CLASSES = MODULE.resolve("target/classes");
    private static final String OWN = "io.devopsparadise.quality.";
    private static final Pattern METHOD =
            Pattern.compile("^  (?! )(?:.*? )?([\\w$.]+)\\((.*)\\)(?: throws [\\w.$, ]+)?;$");
    private static final Pattern LINE = Pattern.compile("^\\s+line (\\d+): \\d+$");
    private static final Pattern USES = Pattern.compile(
            "^\\s+(" + Pattern.quote(OWN) + "[\\w.$]+)\\s+->\\s+(" + Pattern.quote(OWN) + "[\\w.$]+)\\s");

    private JavaSources sources;
    private List<String> classNames;

    @BeforeAll
    void compiledClasses() throws Exception {
        sources = JavaSources.of(MODULE);
        try (Stream<Path> walk = Files.walk(CLASSES.resolve("io/devopsparadise/quality"))) {
            classNames = walk.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> CLASSES.relativize(f)
                            .toString()
                            .replace(".class", "")
                            .replace('/', '.'))
                    .filter(name -> !name.matches(".*\\$\\d.*"))
                    .sorted()
                    .toList();
        }
        assertThat(classNames).as("the module is compiled before its tests").hasSizeGreaterThan(150);
    }

    @Test
    void everyLineJavapSaysAMethodRunsFallsInThatMethodsBlock() throws Exception {
        List<String> command = new ArrayList<>(List.of(jdkTool("javap"), "-l", "-p", "-cp", CLASSES.toString()));
        command.addAll(classNames);
        List<String> output = run(command);
        int checked = 0;
        List<String> misplaced = new ArrayList<>();
        String className = null;
        String method = null;
        boolean noParameters = false;
        for (String line : output) {
            if (line.startsWith("Compiled from")) {
                continue;
            }
            Matcher header = Pattern.compile("^(?:[\\w ]+ )?(?:class|interface|enum|record) ([\\w.$]+)")
                    .matcher(line);
            if (!line.startsWith(" ") && header.find()) {
                className = header.group(1);
                method = null;
                continue;
            }
            Matcher declared = METHOD.matcher(line);
            if (line.equals("  static {};")) {
                method = null;
                continue;
            }
            if (declared.matches()) {
                String name = declared.group(1);
                method = name.equals(className)
                        ? className.substring(className.lastIndexOf('.') + 1).replaceAll(".*\\$", "")
                        : name;
                noParameters = declared.group(2).isEmpty();
                continue;
            }
            Matcher number = LINE.matcher(line);
            if (number.matches()
                    && className != null
                    && method != null
                    && !method.startsWith("lambda$")
                    && !method.startsWith("access$")) {
                Optional<String> placed = placed(className, method, noParameters, Integer.parseInt(number.group(1)));
                if (placed.isPresent()) {
                    checked++;
                    if (!placed.get().isEmpty()) {
                        misplaced.add(placed.get());
                    }
                }
            }
        }
        assertThat(misplaced).isEmpty();
        assertThat(checked).as("lines checked").isGreaterThan(3_000);
    }

    /**
     * Empty when the line is in a block of the method's name; the mismatch when not; absent when the source declares
     * no such method (one the compiler wrote: a record's accessors, an enum's values()).
     */
    private Optional<String> placed(String className, String method, boolean noParameters, int line) {
        Optional<String> file = sources.fileOfClass(className);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        SourceBlocks blocks = sources.blocks(file.get()).orElseThrow();
        String type = className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
        String prefix = type + "." + method + "(";
        // a record's accessor the compiler wrote, beside a method of the same name with parameters
        boolean implicitAccessor = noParameters && !blocks.functions().contains(prefix + ")");
        if (blocks.functions().stream().noneMatch(f -> f.startsWith(prefix)) || implicitAccessor) {
            return Optional.empty();
        }
        String block = blocks.blockAt(line);
        // a constructor runs the field initializers, and a record's canonical one stands on its header: the class's own
        // block
        boolean constructorInItsClass = type.endsWith("." + method) || type.equals(method) ? block.equals(type) : false;
        return Optional.of(
                block.startsWith(prefix) || constructorInItsClass
                        ? ""
                        : className + "." + method + " line " + line + " is in " + block);
    }

    @Test
    void theImportGraphHoldsEveryUseJdepsFindsBetweenTheModulesClasses() throws Exception {
        List<String> output = run(List.of(jdkTool("jdeps"), "-verbose:class", "-filter:none", CLASSES.toString()));
        ImportGraph graph = JavaImports.of(sources);
        Map<String, Set<String>> dependents = new HashMap<>();
        int uses = 0;
        List<String> missed = new ArrayList<>();
        for (String line : output) {
            Matcher use = USES.matcher(line);
            if (!use.find()) {
                continue;
            }
            Optional<String> user = sources.fileOfClass(use.group(1));
            Optional<String> used = sources.fileOfClass(use.group(2));
            if (user.isEmpty() || used.isEmpty() || user.equals(used)) {
                continue;
            }
            uses++;
            if (!dependents.computeIfAbsent(used.get(), graph::dependents).contains(user.get())) {
                missed.add(user.get() + " uses " + used.get());
            }
        }
        assertThat(missed).isEmpty();
        assertThat(uses).as("uses between files").isGreaterThan(500);
    }

    private static String jdkTool(String name) {
        Path tool = Path.of(System.getProperty("java.home"), "bin", name);
        return Files.isExecutable(tool) ? tool.toString() : name;
    }

    private static List<String> run(List<String> command) throws Exception {
        Path output = Files.createTempFile("jdk-tool", ".txt");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            assertThat(process.waitFor(2, TimeUnit.MINUTES))
                    .as(command.get(0) + " ended")
                    .isTrue();
            assertThat(process.exitValue()).as(command.get(0) + " exit code").isZero();
            return Files.readAllLines(output);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
