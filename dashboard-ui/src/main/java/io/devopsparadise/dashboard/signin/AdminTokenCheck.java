package io.devopsparadise.dashboard.signin;

import io.devopsparadise.security.SecretFile;
import io.devopsparadise.security.SecurityProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether a token is the platform's admin token: the configured one ({@code PARADISE_ADMIN_TOKEN}) or the one the
 * gateway generated into the data directory, read at each sign-in (the gateway may have started after the dashboard).
 */
@Component
class AdminTokenCheck {

    private final String configured;
    private final Path file;

    AdminTokenCheck(@Value("${PARADISE_ADMIN_TOKEN:}") String configured, SecurityProperties security) {
        this.configured = configured;
        this.file = security.home().resolve("admin-token");
    }

    boolean matches(String candidate) {
        if (candidate == null || candidate.isBlank()) {
            return false;
        }
        try {
            String admin = configured.isBlank() ? SecretFile.read(file) : configured;
            return MessageDigest.isEqual(
                    admin.getBytes(StandardCharsets.UTF_8), candidate.strip().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | IllegalStateException unreadable) {
            return false;
        }
    }
}
