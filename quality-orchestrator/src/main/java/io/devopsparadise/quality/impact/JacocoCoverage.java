package io.devopsparadise.quality.impact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.ICounter;
import org.jacoco.core.analysis.ISourceFileCoverage;
import org.jacoco.core.data.ExecutionData;
import org.jacoco.core.tools.ExecFileLoader;

/**
 * Reads the per-test-class JaCoCo data the run's JUnit probe wrote: which lines of which workspace file each part
 * ran, by analysing the project's compiled classes (target/classes and target/test-classes of every module). The
 * workspace's class files are untrusted input: links are not followed, sizes and counts are bounded, and a class
 * that does not analyse is left out.
 */
final class JacocoCoverage {

    static final int MAX_CLASS_BYTES = 4 * 1024 * 1024;
    static final int MAX_CLASSES = 100_000;
    /** The class files kept in memory between test classes; past that, each is read again when needed. */
    static final long MAX_CACHED_BYTES = 64L * 1024 * 1024;

    private static final int MAX_DEPTH = 8;
    private static final Set<String> SKIPPED = Set.of(".git", "node_modules", ".paradise", "src");

    private final Map<String, Path> classFiles;
    private final JavaSources sources;
    private final Map<String, Optional<byte[]>> bytes = new HashMap<>();
    private long cachedBytes;

    private JacocoCoverage(Map<String, Path> classFiles, JavaSources sources) {
        this.classFiles = classFiles;
        this.sources = sources;
    }

    /** Finds the compiled classes of every module of the workspace. */
    static JacocoCoverage of(Path workspace, JavaSources sources) {
        Map<String, Path> classes = new HashMap<>();
        try (Stream<Path> walk = Files.walk(workspace, MAX_DEPTH)) {
            walk.filter(dir -> Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                            && dir.getParent() != null
                            && dir.getParent().getFileName().toString().equals("target")
                            && Set.of("classes", "test-classes")
                                    .contains(dir.getFileName().toString()))
                    .filter(dir -> !skipped(workspace.relativize(dir)))
                    .forEach(dir -> index(dir, classes));
        } catch (IOException | java.io.UncheckedIOException e) {
            // an unreadable tree: the classes found so far
        }
        return new JacocoCoverage(classes, sources);
    }

    private static void index(Path classesDir, Map<String, Path> classes) {
        try (Stream<Path> walk = Files.walk(classesDir, 64)) {
            walk.filter(file -> file.getFileName().toString().endsWith(".class")
                            && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                    .limit(MAX_CLASSES)
                    .forEach(file -> {
                        String relative = classesDir.relativize(file).toString();
                        if (classes.size() < MAX_CLASSES) {
                            classes.putIfAbsent(relative.substring(0, relative.length() - ".class".length()), file);
                        }
                    });
        } catch (IOException | java.io.UncheckedIOException e) {
            // left out
        }
    }

    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            if (SKIPPED.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    int classCount() {
        return classFiles.size();
    }

    /** file → lines run, from one JaCoCo data file; empty when the file does not read. */
    Map<String, Set<Integer>> lines(Path execFile) {
        ExecFileLoader loader = new ExecFileLoader();
        try {
            loader.load(execFile.toFile());
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        CoverageBuilder builder = new CoverageBuilder();
        Analyzer analyzer = new Analyzer(loader.getExecutionDataStore(), builder);
        for (ExecutionData data : loader.getExecutionDataStore().getContents()) {
            if (!data.hasHits()) {
                continue;
            }
            classBytes(data.getName()).ifPresent(code -> {
                try {
                    analyzer.analyzeClass(code, data.getName());
                } catch (IOException | RuntimeException e) {
                    // a class file the analyser refuses (another class of that name analysed, a broken file)
                }
            });
        }
        Map<String, Set<Integer>> lines = new HashMap<>();
        for (ISourceFileCoverage source : builder.getSourceFiles()) {
            String stem = source.getName().replaceFirst("\\.java$", "");
            String className = source.getPackageName().isEmpty()
                    ? stem
                    : source.getPackageName().replace('/', '.') + "." + stem;
            sources.fileOfClass(className).ifPresent(file -> {
                Set<Integer> ran = lines.computeIfAbsent(file, k -> new TreeSet<>());
                for (int line = source.getFirstLine(); line > 0 && line <= source.getLastLine(); line++) {
                    int status = source.getLine(line).getStatus();
                    if (status == ICounter.FULLY_COVERED || status == ICounter.PARTLY_COVERED) {
                        ran.add(line);
                    }
                }
            });
        }
        lines.values().removeIf(Set::isEmpty);
        return lines;
    }

    private Optional<byte[]> classBytes(String name) {
        Optional<byte[]> cached = bytes.get(name);
        if (cached != null) {
            return cached;
        }
        Optional<byte[]> read = read(classFiles.get(name));
        if (cachedBytes + read.map(b -> b.length).orElse(0) <= MAX_CACHED_BYTES) {
            bytes.put(name, read);
            cachedBytes += read.map(b -> b.length).orElse(0);
        }
        return read;
    }

    private static Optional<byte[]> read(Path file) {
        if (file == null) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] read = in.readNBytes(MAX_CLASS_BYTES + 1);
            return read.length > MAX_CLASS_BYTES ? Optional.empty() : Optional.of(read);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
