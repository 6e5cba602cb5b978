package io.devopsparadise.testsupport;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How a service's jar is launched fast: extracted (Spring Boot's {@code -Djarmode=tools extract}), with a class data
 * sharing archive of the classes one start loads, made once per built jar by a start that exits when its context is
 * refreshed. Measured on the report-service with the test flags: 6.0 s of CPU to start from the jar, 4.0 extracted,
 * 2.5 extracted with the archive. The suite starts services dozens of times on 2 cores.
 *
 * <p>The archive is kept beside the jar ({@code target/launch-cache/}) and made again when the jar changes. Anything that
 * fails on the way (no {@code jarmode}, a start that does not exit) falls back to the jar itself, as before.
 */
public final class SharedClassArchive {

    private static final long TRAINING_SECONDS = 120;
    private static final Map<Path, List<String>> LAUNCHES = new ConcurrentHashMap<>();

    private SharedClassArchive() {}

    /** The JVM arguments that run {@code jar}: {@code -jar} and a path, with the archive when there is one. */
    public static List<String> launch(Path jar, List<String> jvmFlags) {
        return LAUNCHES.computeIfAbsent(jar.toAbsolutePath(), path -> prepare(path, jvmFlags));
    }

    private static List<String> prepare(Path jar, List<String> jvmFlags) {
        Path cache =
                jar.resolveSibling("launch-cache").resolve(jar.getFileName().toString());
        try {
            Files.createDirectories(cache);
            // two test JVMs (two modules' tests run by hand at once) must not make the same archive together
            try (FileChannel lockFile = FileChannel.open(
                            cache.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = lockFile.lock()) {
                return prepareLocked(jar, jvmFlags, cache);
            }
        } catch (IOException | RuntimeException e) {
            return List.of("-jar", jar.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("-jar", jar.toString());
        }
    }

    private static List<String> prepareLocked(Path jar, List<String> jvmFlags, Path cache)
            throws IOException, InterruptedException {
        String built = Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        Path key = cache.resolve("built-from");
        Path extracted = cache.resolve("extracted");
        Path extractedJar = extracted.resolve(jar.getFileName());
        Path archive = cache.resolve("classes.jsa");
        if (!(Files.exists(key) && Files.readString(key).equals(built) && Files.exists(extractedJar))) {
            Files.deleteIfExists(key);
            deleteTree(extracted);
            Files.deleteIfExists(archive);
            if (!run(
                    cache,
                    "extract",
                    List.of(
                            "java",
                            "-Djarmode=tools",
                            "-jar",
                            jar.toString(),
                            "extract",
                            "--destination",
                            extracted.toString()))) {
                return List.of("-jar", jar.toString());
            }
            train(jvmFlags, cache, extractedJar, archive);
            Files.writeString(key, built);
        }
        List<String> launch = new ArrayList<>();
        if (Files.exists(archive)) {
            launch.add("-XX:SharedArchiveFile=" + archive);
        }
        launch.addAll(List.of("-jar", extractedJar.toString()));
        return launch;
    }

    /** One start of the service, in a directory of its own, that exits once its context is refreshed. */
    private static void train(List<String> jvmFlags, Path cache, Path extractedJar, Path archive)
            throws IOException, InterruptedException {
        Path home = cache.resolve("training-home");
        deleteTree(home);
        Files.createDirectories(home);
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmFlags);
        command.addAll(List.of(
                "-XX:ArchiveClassesAtExit=" + archive,
                "-Dspring.context.exit=onRefresh",
                "-Duser.home=" + home,
                "-jar",
                extractedJar.toString(),
                "--server.port=0"));
        ProcessBuilder training = builder(cache, "training", command).directory(home.toFile());
        training.environment().keySet().removeIf(name -> name.startsWith("PARADISE_"));
        training.environment().put("PARADISE_HOME", home.toString());
        if (!await(training.start())) {
            Files.deleteIfExists(archive);
        }
        deleteTree(home);
    }

    private static boolean run(Path cache, String step, List<String> command) throws IOException, InterruptedException {
        return await(builder(cache, step, command).start());
    }

    private static ProcessBuilder builder(Path cache, String step, List<String> command) {
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(cache.resolve(step + ".log").toFile());
    }

    private static boolean await(Process process) throws InterruptedException {
        if (!process.waitFor(TRAINING_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return false;
        }
        return process.exitValue() == 0;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
