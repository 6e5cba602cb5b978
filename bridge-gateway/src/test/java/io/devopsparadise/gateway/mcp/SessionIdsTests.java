package io.devopsparadise.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SessionIdsTests {

    private static final byte[] INITIALIZE =
            "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}"
                    .getBytes(StandardCharsets.UTF_8);

    private static final String BACKEND_SESSION = "0b6f3c1e-5a0e-4a57-9d0c-3f1f1f0c2a11";

    private static final java.time.Instant NOW = java.time.Instant.parse("2026-11-30T06:00:00Z");

    private final SessionIds ids = new SessionIds(key());

    private static SecretKeySpec key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretKeySpec(key, "AES");
    }

    @Test
    void anIdOpensToWhatItWasIssuedFor() {
        String id = ids.issue("alice", "2025-06-18", INITIALIZE, BACKEND_SESSION, NOW);

        SessionIds.Sealed carried = ids.open(id).orElseThrow();

        assertThat(id).startsWith(SessionIds.PREFIX).matches("[A-Za-z0-9._-]+");
        assertThat(carried.clientId()).isEqualTo("alice");
        assertThat(carried.protocolVersion()).isEqualTo("2025-06-18");
        assertThat(carried.initializeRequest()).isEqualTo(INITIALIZE);
        assertThat(carried.issuedAt()).isEqualTo(NOW);
        assertThat(carried.backendSessionId()).isEqualTo(BACKEND_SESSION);
    }

    @Test
    void anIdCarriesItsIssueTimeToTheMillisecond() {
        java.time.Instant issued = NOW.plusMillis(987).plusNanos(654_321);

        String id = ids.issue("alice", "2025-06-18", INITIALIZE, BACKEND_SESSION, issued);

        assertThat(ids.open(id).orElseThrow().issuedAt()).isEqualTo(NOW.plusMillis(987));
    }

    @Test
    void aBackendSessionTheTransportWouldRefuseIsNotCarried() {
        for (String refused : new String[] {"with space", "line\nbreak", "é", "x".repeat(257), ""}) {
            String id = ids.issue("alice", "2025-06-18", INITIALIZE, refused, NOW);

            assertThat(ids.open(id).orElseThrow().backendSessionId())
                    .as(refused)
                    .isNull();
        }
    }

    @Test
    void aSessionWhoseBackendGaveNoSessionOpensWithoutOne() {
        String id = ids.issue("alice", "2025-06-18", INITIALIZE, null, NOW);

        assertThat(ids.open(id).orElseThrow().backendSessionId()).isNull();
    }

    @Test
    void anIdHasOneSpellingOnly() {
        String id = ids.issue("alice", "2025-06-18", INITIALIZE, BACKEND_SESSION, NOW);
        String encoded = id.substring(SessionIds.PREFIX.length());
        char last = encoded.charAt(encoded.length() - 1);
        String lowBitsChanged =
                SessionIds.PREFIX + encoded.substring(0, encoded.length() - 1) + (char) (last == 'A' ? 'B' : last ^ 1);

        assertThat(ids.open(id + "=")).isEmpty();
        assertThat(ids.open(id + "==")).isEmpty();
        assertThat(ids.open(lowBitsChanged))
                .as("decodes to other bytes or is refused")
                .isEmpty();
    }

    @Test
    void twoIdsForTheSameSessionDiffer() {
        assertThat(ids.issue("alice", "2025-06-18", INITIALIZE, BACKEND_SESSION, NOW))
                .isNotEqualTo(ids.issue("alice", "2025-06-18", INITIALIZE, BACKEND_SESSION, NOW));
    }

    @Test
    void aChangedIdDoesNotOpen() {
        String id = ids.issue("alice", "2025-06-18", INITIALIZE, BACKEND_SESSION, NOW);
        byte[] raw = Base64.getUrlDecoder().decode(id.substring(SessionIds.PREFIX.length()));
        raw[raw.length / 2] ^= 1;

        String changed =
                SessionIds.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        assertThat(ids.open(changed)).isEmpty();
    }

    @Test
    void anIdUnderAnotherKeyDoesNotOpen() {
        String theirs = new SessionIds(key()).issue("alice", "2025-06-18", INITIALIZE, BACKEND_SESSION, NOW);

        assertThat(ids.open(theirs)).isEmpty();
    }

    @Test
    void onlyWellFormedSealedIdsOpen() {
        assertThat(ids.open("3f8a1c2e-0000-4000-8000-000000000000")).isEmpty();
        assertThat(ids.open(SessionIds.PREFIX + "not base64 !")).isEmpty();
        assertThat(ids.open(SessionIds.PREFIX + "AAAA")).isEmpty();
        assertThat(ids.open(SessionIds.PREFIX + "A".repeat(SessionIds.MAX_ID_LENGTH)))
                .isEmpty();
        assertThat(ids.open(null)).isEmpty();
    }

    @Test
    void anInitializeTooLargeForAHeaderGetsAPlainId() {
        byte[] random = new byte[30_000];
        new SecureRandom().nextBytes(random);
        byte[] large = ("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"x\":\""
                        + Base64.getEncoder().encodeToString(random) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);

        String id = ids.issue("alice", "2025-06-18", large, BACKEND_SESSION, NOW);

        assertThat(id).doesNotStartWith(SessionIds.PREFIX).hasSizeLessThanOrEqualTo(36);
        assertThat(ids.open(id)).isEmpty();
    }
}
