package io.devopsparadise.quality.gate;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.ToolOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gives every finding of a run an identity that survives lines moving: its rule, its file and the text of the line it
 * flags, whitespace-normalized (like SonarQube's line hash and SARIF's partialFingerprints). A finding without a line
 * is identified by its rule, file and message. Files are read from the workspace as data: only regular files inside it,
 * never through a link (the last component is opened without following one, and its real path must stay inside), none
 * larger than {@value #MAX_FILE} bytes, and {@value #MAX_READ} bytes in all.
 */
public final class Fingerprints {

    static final long MAX_FILE = 4L << 20;
    /** All files one run reads for fingerprints together; past it, findings are identified by their message. */
    static final long MAX_READ = 256L << 20;

    private final Path root;
    private final WorkspacePaths paths;
    private final Map<String, Optional<List<String>>> files = new HashMap<>();
    private long readBytes;

    public Fingerprints(Path workspaceRoot, String workspaceInInstance) {
        this.paths = new WorkspacePaths(workspaceRoot, workspaceInInstance);
        this.root = paths.root();
    }

    public ToolOutcome fingerprinted(ToolOutcome outcome) {
        if (outcome.findings().isEmpty()) {
            return outcome;
        }
        List<Finding> findings =
                outcome.findings().stream().map(f -> f.withFingerprint(of(f))).toList();
        return new ToolOutcome(
                outcome.tool(),
                outcome.category(),
                outcome.status(),
                outcome.durationMillis(),
                outcome.detail(),
                outcome.tests(),
                outcome.coverage(),
                findings,
                outcome.performance(),
                outcome.advisory(),
                outcome.cachedFrom());
    }

    String of(Finding finding) {
        String path = relative(finding.file());
        String anchor = finding.line() > 0 ? line(path, finding.line()).orElse(finding.message()) : finding.message();
        return hash(finding.tool() + "\0" + finding.rule() + "\0" + path + "\0"
                + anchor.strip().replaceAll("\\s+", " "));
    }

    String relative(String file) {
        return paths.relative(file);
    }

    private Optional<String> line(String path, int number) {
        String key = root.resolve(path).normalize().toString();
        List<String> lines = files.computeIfAbsent(key, k -> read(Path.of(k))).orElse(List.of());
        return number <= lines.size() ? Optional.of(lines.get(number - 1)) : Optional.empty();
    }

    /** The file's lines, when it is a regular file inside the workspace, reached without a link, within the size budgets. */
    private Optional<List<String>> read(Path file) {
        if (!file.startsWith(root)
                || file.equals(root)
                || readBytes > MAX_READ
                || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            if (!file.toRealPath().startsWith(root.toRealPath())) {
                return Optional.empty();
            }
            byte[] bytes = in.readNBytes((int) MAX_FILE + 1);
            if (bytes.length > MAX_FILE) {
                return Optional.empty();
            }
            readBytes += bytes.length;
            return Optional.of(new String(bytes, StandardCharsets.UTF_8).lines().toList());
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
