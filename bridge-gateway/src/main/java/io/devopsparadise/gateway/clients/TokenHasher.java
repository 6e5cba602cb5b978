package io.devopsparadise.gateway.clients;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer tokens: 256 random bits, stored only as their SHA-256. A token with that much entropy needs no slow
 * password hash, and a fast one keeps authentication off the request path's critical time.
 */
public final class TokenHasher {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenHasher() {}

    public static String newToken(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Compares two hashes in constant time. */
    public static boolean matches(String hashA, String hashB) {
        return MessageDigest.isEqual(
                hashA.getBytes(StandardCharsets.US_ASCII), hashB.getBytes(StandardCharsets.US_ASCII));
    }
}
