package io.devopsparadise.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * A file holding one secret (a token), readable by its owner only. Created atomically, so that services starting
 * together agree on one secret, and refused when anyone else could have read or replaced it.
 */
public final class SecretFile {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private SecretFile() {}

    /** 256 random bits, URL-safe, behind a prefix that names the kind of token. */
    public static String newToken(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Reads the secret, first generating it (with {@code prefix}) when the file does not exist yet. */
    public static String readOrCreate(Path file, String prefix) {
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                create(file, newToken(prefix));
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the secret after checking that only its owner, the user running this service, can read or change it. */
    public static String read(Path file) throws IOException {
        checkPrivate(file);
        String secret = Files.readString(file).strip();
        if (secret.isEmpty()) {
            throw new InsecureFileException(
                    file + " is empty: delete it to have a new secret generated, then restart every service");
        }
        return secret;
    }

    static void checkPrivate(Path file) throws IOException {
        PosixFileAttributes attributes =
                Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new InsecureFileException(
                    file + " is not a regular file (a link or a directory): a secret is read from a plain file only");
        }
        if (!FileOwner.isMine(file)) {
            throw new InsecureFileException(
                    file + " belongs to " + FileOwner.describe(file) + ", not to " + FileOwner.me()
                            + " who runs this service: anyone who owns it can change the secret. Delete it, or chown it if it is yours");
        }
        Set<PosixFilePermission> loose = EnumSet.copyOf(attributes.permissions());
        loose.retainAll(OTHERS);
        if (!loose.isEmpty()) {
            throw new InsecureFileException(
                    file + " can be read or changed by other users (mode "
                            + PosixFilePermissions.toString(attributes.permissions())
                            + "), so they may have copied the secret. Delete it to have a new one generated and restart every service, or, if no one else can log in here, chmod 600 it");
        }
    }

    /** Writes the secret beside the file, then links it into place: the link fails if another service won the race. */
    private static void create(Path file, String secret) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        DataDirectory.createPrivate(dir);
        Path draft = Files.createTempFile(
                dir,
                ".secret-",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(draft, secret + "\n");
            Files.createLink(file, draft);
        } catch (FileAlreadyExistsException anotherServiceWon) {
            // read theirs
        } finally {
            Files.deleteIfExists(draft);
        }
    }
}
