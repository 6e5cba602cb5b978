package io.devopsparadise.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (Debian's postgresql package) of the test's own: a fresh cluster in a temporary directory,
 * on a free loopback port, trusting local connections. PostgreSQL refuses to run as root: as root, its programs run as
 * the {@code postgres} user the package creates.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "paradise";

    private final Path directory;
    private final int port;

    private PostgresServer(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    public static PostgresServer start() throws Exception {
        Path directory = Files.createTempDirectory("paradise-postgres");
        if (asRoot()) {
            UserPrincipal postgres =
                    directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(directory, postgres);
        }
        Path data = directory.resolve("data");
        run("initdb", "-D", data.toString(), "-U", USER, "-A", "trust", "-E", "UTF8", "--no-sync");
        int port = ServiceProcess.freePort();
        run(
                "pg_ctl",
                "-D",
                data.toString(),
                "-l",
                directory.resolve("server.log").toString(),
                "-w",
                "-o",
                "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start");
        return new PostgresServer(directory, port);
    }

    /** The JDBC URL of the cluster's {@code postgres} database, for {@link #USER} (no password: the cluster trusts). */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        run("pg_ctl", "-D", directory.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(String program, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin().resolve(program).toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(program + " failed (" + String.join(" ", command) + "):\n" + output);
        }
    }

    /** The newest installed PostgreSQL's programs. */
    private static Path bin() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            throw new IllegalStateException(
                    "PostgreSQL is missing: scripts/install-test-deps.sh installs Debian's postgresql");
        }
        try (Stream<Path> installed = Files.list(versions)) {
            return installed
                    .filter(dir -> Files.isExecutable(dir.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(
                            dir -> Integer.parseInt(dir.getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL under /usr/lib/postgresql"))
                    .resolve("bin");
        }
    }
}
