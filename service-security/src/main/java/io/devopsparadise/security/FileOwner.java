package io.devopsparadise.security;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Whether a file belongs to the user running this process, by numeric uid: in a container the user often has no
 * name (Compose runs the services as {@code PARADISE_UID}), so names cannot be compared.
 */
final class FileOwner {

    private static final long MY_UID = new UnixSystem().getUid();

    private FileOwner() {}

    static boolean isMine(Path file) throws IOException {
        return ((Number) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue() == MY_UID;
    }

    /** "uid 1001 (bob)" for messages. */
    static String describe(Path file) throws IOException {
        return "uid " + Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS) + " ("
                + Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).getName() + ")";
    }

    static String me() {
        return "uid " + MY_UID + " (" + System.getProperty("user.name") + ")";
    }
}
