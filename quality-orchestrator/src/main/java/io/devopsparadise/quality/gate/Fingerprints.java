package io.devopsparadise.quality.gate;

import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.ToolOutcome;

import java.io.IOException;
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
 * never through a link, and none larger than {@value #MAX_FILE} bytes.
 */
public final class Fingerprints {

    static final long MAX_FILE = 4L << 20;

    private final Path root;
    private final WorkspacePaths paths;
    private final Map<String, Optional<List<String>>> files = new HashMap<>();

    public Fingerprints(Path workspaceRoot, String workspaceInInstance) {
        this.paths = new WorkspacePaths(workspaceRoot, workspaceInInstance);
        this.root = paths.root();
    }

    public ToolOutcome fingerprinted(ToolOutcome outcome) {
        if (outcome.findings().isEmpty()) {
            return outcome;
        }
        List<Finding> findings = outcome.findings().stream().map(f -> f.withFingerprint(of(f))).toList();
        return new ToolOutcome(outcome.tool(), outcome.category(), outcome.status(), outcome.durationMillis(), outcome.detail(),
                outcome.tests(), outcome.coverage(), findings, outcome.performance(), outcome.advisory());
    }

    String of(Finding finding) {
        String path = relative(finding.file());
        String anchor = finding.line() > 0 ? line(path, finding.line()).orElse(finding.message()) : finding.message();
        return hash(finding.tool() + "\0" + finding.rule() + "\0" + path + "\0" + anchor.strip().replaceAll("\\s+", " "));
    }

    String relative(String file) {
        return paths.relative(file);
    }

    private Optional<String> line(String path, int number) {
        List<String> lines = files.computeIfAbsent(path, this::read).orElse(List.of());
        return number <= lines.size() ? Optional.of(lines.get(number - 1)) : Optional.empty();
    }

    private Optional<List<String>> read(String path) {
        Path file = root.resolve(path).normalize();
        try {
            if (path.isEmpty() || !file.startsWith(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    || Files.size(file) > MAX_FILE || !file.toRealPath().startsWith(root.toRealPath())) {
                return Optional.empty();
            }
            return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList());
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
