package io.devopsparadise.quality.impact;

import io.devopsparadise.quality.reportdir.WorkspaceText;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A workspace's source files of one language as they are now, each read without following a link and parsed into
 * blocks on first use.
 */
abstract class Sources {

    static final int MAX_FILES = 20_000;

    private final Path root;
    private final List<String> files;
    private final Set<String> known;
    private final Map<String, Optional<SourceBlocks>> parsed = new HashMap<>();

    Sources(Path root, List<String> files) {
        this.root = root;
        this.files = List.copyOf(files);
        this.known = Set.copyOf(files);
    }

    /** The language's blocks of one file's text. */
    abstract SourceBlocks parse(String text);

    Path root() {
        return root;
    }

    List<String> files() {
        return files;
    }

    boolean contains(String file) {
        return parsed.containsKey(file) ? parsed.get(file).isPresent() : known.contains(file);
    }

    /** The file's blocks now; empty when it is gone, a link, or too large to read. */
    Optional<SourceBlocks> blocks(String file) {
        return parsed.computeIfAbsent(file, f -> text(f).map(this::parse));
    }

    /** file → block → checksum, for every source file of the workspace. */
    Map<String, Map<String, String>> checksums() {
        Map<String, Map<String, String>> all = new HashMap<>();
        files.forEach(file -> blocks(file).ifPresent(blocks -> all.put(file, blocks.checksums())));
        return all;
    }

    Optional<String> text(String file) {
        return WorkspaceText.read(root, file, ChangeDetector.MAX_FILE_BYTES);
    }
}
