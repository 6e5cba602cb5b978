package io.devopsparadise.testsupport;

import io.devopsparadise.security.SecretFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The service credential every service a test JVM starts shares, as the start script's services share one: the
 * file the build names in {@code PARADISE_SERVICE_TOKEN_FILE} (under {@code target/}), else one in a private temp
 * directory. Services started in the test JVM read the same variable; {@link ServiceProcess} hands it on.
 */
public final class ServiceCredential {

    private static final Path FILE = locate();
    private static final String TOKEN = SecretFile.readOrCreate(FILE, "pds_");

    private ServiceCredential() {}

    public static Path file() {
        return FILE;
    }

    public static String token() {
        return TOKEN;
    }

    /**
     * The monitoring credential's file, beside the service credential's (or where the build names it in
     * {@code PARADISE_MONITORING_TOKEN_FILE}), made now if no service made it yet.
     */
    public static Path monitoringFile() {
        String configured = System.getenv("PARADISE_MONITORING_TOKEN_FILE");
        Path file = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : FILE.resolveSibling("monitoring-token");
        SecretFile.readOrCreate(file, "pdm_");
        return file;
    }

    /** The {@code Authorization} header value Prometheus and Alertmanager send. */
    public static String monitoringAuthorization() {
        return "Bearer " + SecretFile.readOrCreate(monitoringFile(), "pdm_");
    }

    /** The value of the {@code Authorization} header that service calls carry. */
    public static String authorization() {
        return "Bearer " + TOKEN;
    }

    private static Path locate() {
        String configured = System.getenv("PARADISE_SERVICE_TOKEN_FILE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try {
            return Files.createTempDirectory(
                            "paradise-credential",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    .resolve("service-token");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the tests' service credential", e);
        }
    }
}
