package io.devopsparadise.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who listens on a TCP port, as Linux's {@code /proc} tells it. A port is open to every local user: another program
 * may bind a service's or an instance's port before it does, and answer in its place. Where {@code /proc} cannot tell
 * (not Linux), the answer is {@link Holder#UNKNOWN}.
 */
public final class PortHolders {

    public enum Holder {
        /** Nothing listens on the port. */
        NONE,
        /** Every socket listening on the port is held by the process tree asked about. */
        OURS,
        /** A socket listening on the port is held by some other process. */
        OTHER,
        UNKNOWN
    }

    private static final String LISTEN = "0A";
    private static final Path PROC = Path.of("/proc");
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

    private PortHolders() {}

    /**
     * Who holds the sockets listening on the port: the process or one of its descendants, or another program.
     *
     * @param process the instance's process, empty when it no longer runs: then any listener is another program
     */
    public static Holder of(int port, Optional<ProcessHandle> process) {
        if (!Files.isReadable(TABLES.get(0))) {
            return Holder.UNKNOWN;
        }
        Set<String> listening = new HashSet<>();
        for (Path table : TABLES) {
            listening.addAll(listeningInodes(table, port));
        }
        if (listening.isEmpty()) {
            return Holder.NONE;
        }
        Set<String> ours = process.map(PortHolders::socketsOfTree).orElse(Set.of());
        return ours.containsAll(listening) ? Holder.OURS : Holder.OTHER;
    }

    private static Set<String> socketsOfTree(ProcessHandle root) {
        Set<String> sockets = new HashSet<>();
        Stream.concat(Stream.of(root), root.descendants()).forEach(p -> sockets.addAll(socketsOf(p.pid())));
        return sockets;
    }

    private static Set<String> socketsOf(long pid) {
        Set<String> sockets = new HashSet<>();
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(PROC.resolve(pid + "/fd"))) {
            for (Path descriptor : descriptors) {
                String target = readLink(descriptor);
                if (target.startsWith("socket:[") && target.endsWith("]")) {
                    sockets.add(target.substring(8, target.length() - 1));
                }
            }
        } catch (IOException | UncheckedIOException exitedMeanwhile) {
            // a process that ended holds nothing
        }
        return sockets;
    }

    /** Inodes of the sockets listening on the port, from {@code /proc/net/tcp} or {@code tcp6}. */
    private static Set<String> listeningInodes(Path table, int port) {
        Set<String> inodes = new HashSet<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(table);
        } catch (IOException absent) {
            return inodes;
        }
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
            String[] fields = line.trim().split("\\s+");
            if (fields.length > 9 && LISTEN.equals(fields[3]) && portOf(fields[1]) == port) {
                inodes.add(fields[9]);
            }
        }
        return inodes;
    }

    private static int portOf(String localAddress) {
        try {
            return Integer.parseInt(localAddress.substring(localAddress.indexOf(':') + 1), 16);
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
