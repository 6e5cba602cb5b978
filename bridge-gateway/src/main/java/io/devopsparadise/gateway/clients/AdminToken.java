package io.devopsparadise.gateway.clients;

import io.devopsparadise.gateway.GatewayProperties;
import io.devopsparadise.security.SecretFile;
import org.springframework.stereotype.Component;

/**
 * The admin token: taken from configuration ({@code PARADISE_ADMIN_TOKEN}), which must be strong, or generated on
 * first start into {@code <home>/admin-token}, which must be readable by its owner only. Only its hash is held in memory.
 */
@Component
public class AdminToken {

    static final int MIN_LENGTH = 32;
    static final int MIN_DISTINCT_CHARACTERS = 12;

    private final String hash;

    AdminToken(GatewayProperties properties) {
        String configured = properties.adminToken();
        this.hash = TokenHasher.hash(
                configured != null && !configured.isBlank()
                        ? strong(configured.strip())
                        : SecretFile.readOrCreate(properties.home().resolve("admin-token"), "pda_"));
    }

    public boolean matches(String token) {
        return token != null && TokenHasher.matches(hash, TokenHasher.hash(token));
    }

    static String strong(String token) {
        if (token.length() < MIN_LENGTH || token.chars().distinct().count() < MIN_DISTINCT_CHARACTERS) {
            throw new IllegalStateException(
                    "PARADISE_ADMIN_TOKEN is too weak: it needs at least " + MIN_LENGTH + " characters, "
                            + MIN_DISTINCT_CHARACTERS
                            + " of them different (it guards every client's registration). Leave it unset to have "
                            + "a strong one generated into the data directory's admin-token file, or use e.g. `openssl rand -base64 33`");
        }
        return token;
    }
}
