package io.devopsparadise.reports.analysis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A test's or a finding's identity as 128 bits of its SHA-256: a comparison keeps one of these per item instead of
 * the item's names and message, which can be kilobytes each.
 */
record ItemKey(long high, long low) {

    static ItemKey of(String identity) {
        try {
            ByteBuffer digest = ByteBuffer.wrap(
                    MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8)));
            return new ItemKey(digest.getLong(), digest.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
