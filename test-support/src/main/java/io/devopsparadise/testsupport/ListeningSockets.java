package io.devopsparadise.testsupport;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which process listens on a TCP port, as Linux's /proc tells it; elsewhere every answer is believed. */
public final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {}

    /** Whether the process itself holds the socket listening on the port (true where /proc cannot tell). */
    public static boolean isListenedOnBy(ProcessHandle process, int port) {
        Path ipv4 = Path.of("/proc/net/tcp");
        if (!Files.isReadable(ipv4)) {
            return true;
        }
        Set<String> inodes = new HashSet<>();
        for (Path table : List.of(ipv4, Path.of("/proc/net/tcp6"))) {
            inodes.addAll(listeningInodes(table, port));
        }
        if (inodes.isEmpty()) {
            return false;
        }
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(Path.of("/proc", "" + process.pid(), "fd"))) {
            for (Path descriptor : descriptors) {
                String target = readLink(descriptor);
                if (target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1))) {
                    return true;
                }
            }
        } catch (IOException gone) {
            return false;
        }
        return false;
    }

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
            if (fields.length > 9 && LISTEN.equals(fields[3])) {
                String local = fields[1];
                if (Integer.parseInt(local.substring(local.indexOf(':') + 1), 16) == port) {
                    inodes.add(fields[9]);
                }
            }
        }
        return inodes;
    }

    private static String readLink(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor).toString();
        } catch (IOException closedMeanwhile) {
            return "";
        }
    }
}
