package io.devopsparadise.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The service credential every service a test JVM starts shares, as the start script gives the platform's services
 * one: a random token in a file readable by its owner only, handed to each service as {@code PARADISE_SERVICE_TOKEN_FILE}.
 */
public final class ServiceCredential {

    private static final Path FILE = create();

    private ServiceCredential() {
    }

    public static Path file() {
        return FILE;
    }

    public static String token() {
        try {
            return Files.readString(FILE).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of the {@code Authorization} header that service calls carry. */
    public static String authorization() {
        return "Bearer " + token();
    }

    private static Path create() {
        try {
            Path dir = Files.createTempDirectory("paradise-credential", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path file = Files.createFile(dir.resolve("service-token"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            Files.writeString(file, "pds_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the tests' service credential", e);
        }
    }
}
