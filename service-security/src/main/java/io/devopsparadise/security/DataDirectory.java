package io.devopsparadise.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory ({@code PARADISE_HOME}) holds the databases, logs, reports and tokens. It is the platform user's
 * alone (0700): whatever the modes of the files inside, no other user can reach them.
 */
public final class DataDirectory {

    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private DataDirectory() {}

    /** Creates the directory 0700, or closes an existing one of ours to other users; refuses one that is not ours. */
    public static void secure(Path home) {
        try {
            createPrivate(home);
            PosixFileAttributes attributes = Files.readAttributes(home, PosixFileAttributes.class);
            if (!FileOwner.isMine(home)) {
                throw new InsecureFileException("the data directory " + home + " belongs to " + FileOwner.describe(home)
                        + ", not to " + FileOwner.me()
                        + " who runs this service; set PARADISE_HOME to a directory of your own");
            }
            if (!attributes.permissions().equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(home, OWNER_ONLY);
                log.info(
                        "closed the data directory {} to other users (was {}, now rwx------)",
                        home,
                        PosixFilePermissions.toString(attributes.permissions()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot secure the data directory " + home + ": " + e.getMessage(), e);
        }
    }

    static void createPrivate(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
    }
}
