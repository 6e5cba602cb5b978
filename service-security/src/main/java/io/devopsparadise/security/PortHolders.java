package io.devopsparadise.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who listens on a loopback TCP port, as Linux's {@code /proc} tells it. A port is open to every local user: another
 * program may bind a service's or an instance's port before it does, and answer in its place. Only sockets that a
 * connection to {@code 127.0.0.1} can reach count ({@code 127.0.0.1}, {@code 0.0.0.0}, {@code ::} and
 * {@code ::ffff:127.0.0.1}): another user may bind {@code 127.0.0.2} or {@code ::1} on the same port, and nobody
 * connecting to {@code 127.0.0.1} meets it. Where {@code /proc} cannot tell (not Linux, or a process whose descriptors
 * this user may not read), the answer is {@link Holder#UNKNOWN}.
 */
public final class PortHolders {

    public enum Holder {
        /** Nothing that {@code 127.0.0.1} reaches listens on the port. */
        NONE,
        /** The process tree asked about holds every such socket. */
        OURS,
        /** Some other process holds one. */
        OTHER,
        UNKNOWN
    }

    private static final String LISTEN = "0A";
    private static final Path PROC = Path.of("/proc");
    private static final Path TCP = Path.of("/proc/net/tcp");
    private static final Path TCP6 = Path.of("/proc/net/tcp6");
    /** Addresses as /proc/net/tcp writes them (hex, in the kernel's byte order) that 127.0.0.1 reaches. */
    private static final Set<String> LOOPBACK_REACHABLE_V4 = Set.of("0100007F", "00000000");

    private static final Set<String> LOOPBACK_REACHABLE_V6 =
            Set.of("00000000000000000000000000000000", "0000000000000000FFFF00000100007F");

    private PortHolders() {}

    /**
     * Who holds the sockets listening on the port: the process or one of its descendants, or another program.
     *
     * @param process the instance's process, empty when it no longer runs: then any listener is another program
     */
    public static Holder of(int port, Optional<ProcessHandle> process) {
        if (!Files.isReadable(TCP)) {
            return Holder.UNKNOWN;
        }
        Set<String> listening = new HashSet<>(listeningInodes(TCP, port, LOOPBACK_REACHABLE_V4));
        listening.addAll(listeningInodes(TCP6, port, LOOPBACK_REACHABLE_V6));
        if (listening.isEmpty()) {
            return Holder.NONE;
        }
        if (process.isEmpty()) {
            return Holder.OTHER;
        }
        try {
            return socketsOfTree(process.get()).containsAll(listening) ? Holder.OURS : Holder.OTHER;
        } catch (AccessDeniedException notOurs) {
            // a setuid or non-dumpable process of the tree: its sockets cannot be told
            return Holder.UNKNOWN;
        }
    }

    private static Set<String> socketsOfTree(ProcessHandle root) throws AccessDeniedException {
        Set<String> sockets = new HashSet<>(socketsOf(root.pid()));
        for (ProcessHandle child : root.descendants().toList()) {
            sockets.addAll(socketsOf(child.pid()));
        }
        return sockets;
    }

    private static Set<String> socketsOf(long pid) throws AccessDeniedException {
        Set<String> sockets = new HashSet<>();
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(PROC.resolve(pid + "/fd"))) {
            for (Path descriptor : descriptors) {
                String target = readLink(descriptor);
                if (target.startsWith("socket:[") && target.endsWith("]")) {
                    sockets.add(target.substring(8, target.length() - 1));
                }
            }
        } catch (AccessDeniedException denied) {
            throw denied;
        } catch (NoSuchFileException | DirectoryIteratorException exitedMeanwhile) {
            // a process that ended holds nothing
        } catch (IOException unreadable) {
            throw new AccessDeniedException(PROC.resolve(pid + "/fd").toString(), null, unreadable.toString());
        }
        return sockets;
    }

    /**
     * Inodes of the sockets listening on the port at one of the addresses, from {@code /proc/net/tcp} or
     * {@code tcp6}. The kernel lists listening sockets first: the read stops at the first connection, so a host with
     * many connections costs no more than one with few.
     */
    private static Set<String> listeningInodes(Path table, int port, Set<String> addresses) {
        Set<String> inodes = new HashSet<>();
        try (BufferedReader lines = Files.newBufferedReader(table)) {
            lines.readLine(); // the header
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                String[] fields = line.trim().split("\\s+");
                if (fields.length <= 9 || !LISTEN.equals(fields[3])) {
                    break;
                }
                int colon = fields[1].indexOf(':');
                if (colon > 0
                        && addresses.contains(fields[1].substring(0, colon))
                        && portOf(fields[1], colon) == port) {
                    inodes.add(fields[9]);
                }
            }
        } catch (IOException absent) {
            // no IPv6, say
        }
        return inodes;
    }

    private static int portOf(String localAddress, int colon) {
        try {
            return Integer.parseInt(localAddress.substring(colon + 1), 16);
        } catch (NumberFormatException malformed) {
            return -1;
        }
    }

    private static String readLink(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor).toString();
        } catch (IOException closedMeanwhile) {
            return "";
        }
    }
}
