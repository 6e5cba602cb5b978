package io.devopsparadise.gateway.clients;

import io.devopsparadise.gateway.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The admin token: taken from configuration ({@code PARADISE_ADMIN_TOKEN}), or generated on first start into
 * {@code <home>/admin-token}, readable by its owner only. Only its hash is held in memory.
 */
@Component
public class AdminToken {

    private static final Logger log = LoggerFactory.getLogger(AdminToken.class);

    private final String hash;

    AdminToken(GatewayProperties properties) {
        String configured = properties.adminToken();
        this.hash = TokenHasher.hash(configured != null && !configured.isBlank() ? configured : fromFile(properties.home().resolve("admin-token")));
    }

    public boolean matches(String token) {
        return token != null && TokenHasher.matches(hash, TokenHasher.hash(token));
    }

    private static String fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(file.getParent());
            String token = TokenHasher.newToken("pda_");
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, token + "\n");
            log.info("generated the admin token into {}", file);
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the admin token file " + file, e);
        }
    }
}
