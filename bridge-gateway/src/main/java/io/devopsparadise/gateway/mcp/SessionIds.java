package io.devopsparadise.gateway.mcp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * MCP session ids that carry what any gateway needs to continue the session: the client, the protocol revision, the
 * backend's session (which another gateway continues, so the backend keeps its state and the events it stores for
 * resumption) and the client's initialize request (replayed when that backend session is gone), sealed with AES-GCM
 * under a key every gateway on the same database shares. A gateway that did not open a session opens its id,
 * checks that the client presenting it owns it, and adopts it. An id that does not open (forged, changed, another
 * database's) is an unknown session. An initialize too large for a header keeps a plain random id, which only its
 * own gateway knows.
 */
@Component
class SessionIds {

    static final String PREFIX = "s1.";
    /** Well below the 8 KB of request headers servers and proxies accept by default. */
    static final int MAX_ID_LENGTH = 4_096;
    /** Larger initialize requests are not sealed (compressing them would cost the event loop more than it is worth). */
    static final int MAX_SEALED_INITIALIZE = 32 * 1_024;
    /**
     * How long after it was opened a session may move to another gateway: an older one is continued only where it was
     * opened, and its client initializes again after a failover. It bounds what {@link EndedSessions} keeps.
     */
    static final Duration MAX_AGE = Duration.ofHours(24);

    private static final String KEY_NAME = "session-id-key";
    private static final byte[] CONTEXT = "devops-paradise session id v1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    SessionIds(JdbcClient jdbc) {
        this(new javax.crypto.spec.SecretKeySpec(Base64.getDecoder().decode(sharedKey(jdbc)), "AES"));
    }

    SessionIds(SecretKey key) {
        this.key = key;
    }

    /** The longest backend session id sealed: the transport allows visible ASCII, and ids are UUIDs in practice. */
    static final int MAX_BACKEND_SESSION = 256;

    /** What a sealed id carries; backendSessionId is null where the backend gave none (or one too long to carry). */
    record Sealed(
            String clientId,
            String protocolVersion,
            byte[] initializeRequest,
            Instant issuedAt,
            String backendSessionId) {}

    /** The key in the shared database, made by the first gateway that needs it. */
    private static String sharedKey(JdbcClient jdbc) {
        Optional<String> stored = jdbc.sql("SELECT secret FROM gateway_secret WHERE name = ?")
                .param(KEY_NAME)
                .query(String.class)
                .optional();
        if (stored.isPresent()) {
            return stored.get();
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
            jdbc.sql("INSERT INTO gateway_secret (name, secret) VALUES (?, ?)")
                    .params(KEY_NAME, Base64.getEncoder().encodeToString(fresh))
                    .update();
        } catch (DuplicateKeyException anotherGatewayWasFirst) {
            // theirs is the one
        }
        return jdbc.sql("SELECT secret FROM gateway_secret WHERE name = ?")
                .param(KEY_NAME)
                .query(String.class)
                .single();
    }

    String issue(
            String clientId, String protocolVersion, byte[] initializeRequest, String backendSessionId, Instant now) {
        if (initializeRequest.length > MAX_SEALED_INITIALIZE) {
            return UUID.randomUUID().toString();
        }
        try {
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(plain)) {
                out.writeUTF(clientId);
                out.writeUTF(protocolVersion == null ? "" : protocolVersion);
                out.writeLong(now.getEpochSecond());
                byte[] packed = deflate(initializeRequest);
                out.writeInt(packed.length);
                out.write(packed);
                out.writeUTF(carried(backendSessionId));
                // the issue time's milliseconds, after the seconds above: compared with when the client was registered
                out.writeShort(now.getNano() / 1_000_000);
            }
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(CONTEXT);
            byte[] sealed = cipher.doFinal(plain.toByteArray());
            String id = PREFIX
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(ByteBuffer.allocate(NONCE + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
            return id.length() <= MAX_ID_LENGTH ? id : UUID.randomUUID().toString();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a session id", e);
        }
    }

    /** What a sealed id carries; empty for a plain id or one that does not open under this key. */
    Optional<Sealed> open(String id) {
        if (id == null || !id.startsWith(PREFIX) || id.length() > MAX_ID_LENGTH) {
            return Optional.empty();
        }
        try {
            String encoded = id.substring(PREFIX.length());
            byte[] raw = Base64.getUrlDecoder().decode(encoded);
            // one spelling per id: padding or unused low bits would give an ended session a second name
            if (raw.length <= NONCE
                    || !Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(raw)
                            .equals(encoded)) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE));
            cipher.updateAAD(CONTEXT);
            byte[] plain = cipher.doFinal(raw, NONCE, raw.length - NONCE);
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
                String clientId = in.readUTF();
                String version = in.readUTF();
                long seconds = in.readLong();
                byte[] packed = in.readNBytes(in.readInt());
                // ids sealed before backend sessions were carried end here
                String backendSession = in.available() > 0 ? in.readUTF() : "";
                Instant issuedAt =
                        Instant.ofEpochSecond(seconds).plusMillis(in.available() >= 2 ? in.readUnsignedShort() : 0);
                return Optional.of(new Sealed(
                        clientId,
                        version.isEmpty() ? null : version,
                        inflate(packed),
                        issuedAt,
                        backendSession.isEmpty() ? null : backendSession));
            }
        } catch (IllegalArgumentException | IOException | GeneralSecurityException | DataFormatException notOurs) {
            return Optional.empty();
        }
    }

    private static String carried(String backendSessionId) {
        if (backendSessionId == null
                || backendSessionId.length() > MAX_BACKEND_SESSION
                || !backendSessionId.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
            return "";
        }
        return backendSessionId;
    }

    private static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[1024];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** At most what is sealed: a sealed id holds no larger initialize. */
    private static byte[] inflate(byte[] bytes) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated");
                }
                out.write(chunk, 0, n);
                if (out.size() > MAX_SEALED_INITIALIZE) {
                    throw new DataFormatException("too large");
                }
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }
}
