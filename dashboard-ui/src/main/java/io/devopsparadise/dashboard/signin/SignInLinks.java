package io.devopsparadise.dashboard.signin;

import io.devopsparadise.security.SecretFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One-time sign-in codes, handed out to the platform's own tools (paradise-cli prints the link after setup): each
 * works once, within a few minutes. Only their hashes are kept, and only the newest few hundred.
 */
@Component
public class SignInLinks {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final int MAX_OUTSTANDING = 256;

    private final Map<String, Instant> expiryByHash = new LinkedHashMap<>();
    private final Clock clock;

    @Autowired
    SignInLinks() {
        this(Clock.systemUTC());
    }

    SignInLinks(Clock clock) {
        this.clock = clock;
    }

    public synchronized String issue() {
        String code = SecretFile.newToken("");
        expiryByHash.put(hash(code), clock.instant().plus(LIFETIME));
        while (expiryByHash.size() > MAX_OUTSTANDING) {
            expiryByHash.remove(expiryByHash.keySet().iterator().next());
        }
        return code;
    }

    /** Whether the code was issued, is unexpired and unused; it is used up either way. */
    public synchronized boolean redeem(String code) {
        if (code == null || code.isBlank() || code.length() > 100) {
            return false;
        }
        Instant expiry = expiryByHash.remove(hash(code));
        return expiry != null && clock.instant().isBefore(expiry);
    }

    private static String hash(String code) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
