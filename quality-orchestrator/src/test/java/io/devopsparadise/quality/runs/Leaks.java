package io.devopsparadise.quality.runs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Where a secret turns up in a directory tree: in a file's bytes, or inside a gzip stream in it (stored results are compressed). */
final class Leaks {

    private Leaks() {}

    static List<Path> filesHolding(String secret, Path root, Set<Path> except) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !except.contains(f))
                    .toList()) {
                byte[] bytes = Files.readAllBytes(file);
                if (contains(bytes, needle) || inGzip(bytes, needle)) {
                    found.add(file);
                }
            }
        }
        return found;
    }

    private static boolean inGzip(byte[] bytes, byte[] needle) {
        for (int i = 0; i + 2 < bytes.length; i++) {
            if (bytes[i] == (byte) 0x1f && bytes[i + 1] == (byte) 0x8b && bytes[i + 2] == 8) {
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes, i, bytes.length - i))) {
                    if (contains(in.readNBytes(64 * 1024 * 1024), needle)) {
                        return true;
                    }
                } catch (IOException notAStream) {
                    // the magic bytes by chance
                }
            }
        }
        return false;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
