package io.devopsparadise.quality.impact;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The blocks of one source file, each with a checksum of its own lines: a function's whole text, a class's
 * statements outside its methods, and the module's statements outside every block ({@value #MODULE}). Moving a block
 * leaves its checksum alone; editing it changes it.
 */
record SourceBlocks(Map<String, String> checksums, Set<String> functions, String[] blockOfLine, boolean[] headerLine) {

    static final String MODULE = "<module>";
    /** The pseudo-block of a file's comments and docstrings: a change there changes no behaviour, only doctests. */
    static final String DOCUMENTATION = "<docs>";

    /**
     * A block as the parser found it: lines start..end (1-based, inclusive); its header (decorators and the
     * {@code def}/{@code class} statement) ends at headerEnd.
     */
    record Span(String name, int start, int end, int headerEnd, boolean function) {}

    /**
     * @param documentation lines that are comments or docstrings: left out of a block's checksum (a comment changes
     *                      no behaviour) and summed per block on their own (a docstring holds doctests)
     */
    static SourceBlocks of(String[] lines, boolean[] documentation, List<Span> spans) {
        String[] owner = new String[lines.length + 2];
        boolean[] header = new boolean[lines.length + 2];
        List<Span> outerFirst = new ArrayList<>(spans);
        outerFirst.sort((a, b) ->
                a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        Map<Integer, List<String>> startsHere = new HashMap<>();
        for (Span span : outerFirst) {
            String parent = span.start() <= lines.length && owner[span.start()] != null ? owner[span.start()] : MODULE;
            startsHere.computeIfAbsent(span.start(), k -> new ArrayList<>()).add(parent + "\u0000" + span.name());
            for (int line = span.start(); line <= Math.min(span.end(), lines.length); line++) {
                owner[line] = span.name();
                header[line] = line <= span.headerEnd();
            }
        }
        Map<String, StringBuilder> text = new LinkedHashMap<>();
        StringBuilder docs = new StringBuilder();
        text.put(MODULE, new StringBuilder());
        outerFirst.forEach(span -> text.putIfAbsent(span.name(), new StringBuilder()));
        for (int line = 1; line <= lines.length; line++) {
            // where each block stands in its parent is part of the parent: adding, removing or reordering a block
            // changes it
            for (String marker : startsHere.getOrDefault(line, List.of())) {
                String[] parentAndName = marker.split("\u0000", 2);
                text.get(parentAndName[0])
                        .append("\u00a7")
                        .append(parentAndName[1])
                        .append('\n');
            }
            owner[line] = owner[line] == null ? MODULE : owner[line];
            String code = lines[line - 1].stripTrailing();
            if (documentation[line]) {
                docs.append(code).append('\n');
            } else if (!code.isBlank()) {
                text.get(owner[line]).append(code).append('\n');
            }
        }
        Map<String, String> checksums = new LinkedHashMap<>();
        text.forEach((name, body) -> checksums.put(name, sha256(body.toString())));
        checksums.put(DOCUMENTATION, sha256(docs.toString()));
        Set<String> functions = new HashSet<>();
        spans.stream().filter(Span::function).forEach(span -> functions.add(span.name()));
        return new SourceBlocks(checksums, Set.copyOf(functions), owner, header);
    }

    /** The block a line (1-based) belongs to; {@value #MODULE} for a line past the end. */
    String blockAt(int line) {
        return line >= 1 && line < blockOfLine.length && blockOfLine[line] != null ? blockOfLine[line] : MODULE;
    }

    /** Whether a line is a block's header, which runs when the module is imported, not when the block is called. */
    boolean isHeader(int line) {
        return line >= 1 && line < headerLine.length && headerLine[line];
    }

    int lineCount() {
        return blockOfLine.length - 2;
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
