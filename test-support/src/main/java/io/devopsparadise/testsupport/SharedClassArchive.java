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
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How a service's jar is launched fast: extracted (Spring Boot's {@code -Djarmode=tools extract}), with a class data
 * sharing archive of the classes one start loads, made once per built jar by a start that exits when its context is
 * refreshed. Measured on the report-service with the test flags: 6.0 s of CPU to start from the jar, 4.0 extracted,
 * 2.5 extracted with the archive. The suite starts services dozens of times on 2 cores.
 *
 * <p>The archive is kept beside the jar ({@code target/launch-cache/}) and made again when the jar, the JDK or the flags
 * change. Anything that fails on the way (no {@code jarmode}, a start that does not exit) falls back to the jar itself,
 * or to the extracted jar without an archive, and says so on the test's standard error. Production starts the jar
 * itself; the start script's tests ({@code StartScriptIntegrationTests}) start every service that way.
 */
public final class SharedClassArchive {

    private static final long TRAINING_SECONDS = 120;
    private static final Map<Path, List<String>> LAUNCHES = new ConcurrentHashMap<>();
    private static final Map<Path, Object> PREPARING = new ConcurrentHashMap<>();

    private SharedClassArchive() {}

    /** The JVM arguments that run {@code jar}: {@code -jar} and a path, with the archive when there is one. */
    public static List<String> launch(Path jar, List<String> jvmFlags) {
        Path path = jar.toAbsolutePath();
        synchronized (PREPARING.computeIfAbsent(path, p -> new Object())) {
            List<String> known = LAUNCHES.get(path);
            if (known != null) {
                return known;
            }
            List<String> launch = prepare(path, jvmFlags);
            if (!Thread.currentThread().isInterrupted()) {
                LAUNCHES.put(path, launch);
            }
            return launch;
        }
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
            warn(jar, "launched from the jar: " + e);
            return List.of("-jar", jar.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("-jar", jar.toString());
        }
    }

    /**
     * One directory per build of the jar (and JDK and flags), never changed once complete: a JVM that launched from
     * it keeps doing so while another prepares a newer build beside it.
     */
    private static List<String> prepareLocked(Path jar, List<String> jvmFlags, Path cache)
            throws IOException, InterruptedException {
        String build = Integer.toHexString(Objects.hash(
                Files.size(jar),
                Files.getLastModifiedTime(jar).toMillis(),
                Runtime.version().toString(),
                jvmFlags));
        Path dir = cache.resolve(build);
        Path complete = dir.resolve("complete");
        Path extractedJar = dir.resolve("extracted").resolve(jar.getFileName());
        Path archive = dir.resolve("classes.jsa");
        if (!Files.exists(complete)) {
            try (Stream<Path> builds = Files.list(cache)) {
                for (Path older : builds.filter(Files::isDirectory).toList()) {
                    deleteTree(older);
                }
            }
            Files.createDirectories(dir);
            if (!run(
                    dir,
                    "extract",
                    List.of(
                            "java",
                            "-Djarmode=tools",
                            "-jar",
                            jar.toString(),
                            "extract",
                            "--destination",
                            dir.resolve("extracted").toString()))) {
                warn(jar, "launched from the jar: it could not be extracted (" + dir.resolve("extract.log") + ")");
                return List.of("-jar", jar.toString());
            }
            // JDK 17 sometimes crashes while it writes a dynamic archive (seen in its lambda proxy classes)
            if (!train(jvmFlags, dir, extractedJar, archive) && !train(jvmFlags, dir, extractedJar, archive)) {
                warn(
                        jar,
                        "launched extracted, without a class archive: training failed twice ("
                                + dir.resolve("training.log") + ")");
            }
            Files.writeString(complete, jar.toString());
        }
        List<String> launch = new ArrayList<>();
        if (Files.exists(archive)) {
            launch.add("-XX:SharedArchiveFile=" + archive);
        }
        launch.addAll(List.of("-jar", extractedJar.toString()));
        return launch;
    }

    /** One start of the service, in a directory of its own, that exits once its context is refreshed. */
    private static boolean train(List<String> jvmFlags, Path dir, Path extractedJar, Path archive)
            throws IOException, InterruptedException {
        Path home = dir.resolve("training-home");
        deleteTree(home);
        Files.createDirectories(home);
        Files.deleteIfExists(archive);
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmFlags);
        command.addAll(List.of(
                "-XX:ArchiveClassesAtExit=" + archive,
                "-Dspring.context.exit=onRefresh",
                "-Duser.home=" + home,
                "-jar",
                extractedJar.toString(),
                "--server.port=0"));
        ProcessBuilder training = builder(dir, "training", command).directory(home.toFile());
        training.environment().keySet().removeIf(name -> name.startsWith("PARADISE_"));
        training.environment().put("PARADISE_HOME", home.toString());
        boolean trained = await(training.start()) && Files.exists(archive);
        if (!trained) {
            Files.deleteIfExists(archive);
        }
        deleteTree(home);
        return trained;
    }

    private static void warn(Path jar, String what) {
        System.err.println("[test services] " + jar.getFileName() + " " + what);
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
        try {
            return process.waitFor(TRAINING_SECONDS, TimeUnit.SECONDS) && process.exitValue() == 0;
        } finally {
            // timed out, or the test was interrupted: nothing is left running
            process.destroyForcibly();
        }
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
