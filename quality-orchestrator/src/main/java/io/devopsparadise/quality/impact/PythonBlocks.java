package io.devopsparadise.quality.impact;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits Python source into the blocks a test can depend on: top-level functions, classes (their own statements),
 * methods, and {@code <module>} for everything else. A function nested in a function belongs to the outer one. It
 * reads logical lines the way Python does (strings, brackets and backslashes join physical lines), so a docstring
 * or a call that spans lines never ends a block early. Reading never fails: text that is not Python still gives blocks.
 */
final class PythonBlocks {

    private static final Pattern DEFINITION = Pattern.compile("^(?:async\\s+)?(def|class)\\s+([A-Za-z_][A-Za-z0-9_]*)");

    private PythonBlocks() {}

    static SourceBlocks parse(String source) {
        String[] lines = source.split("\r\n|\n|\r", -1);
        List<Open> finished = new ArrayList<>();
        Deque<Open> open = new ArrayDeque<>();
        LogicalLines logical = new LogicalLines();
        int decoratorStart = -1;
        int lastCode = 0;
        Open header = null;
        boolean[] documentation = new boolean[lines.length + 2];
        boolean bodyStarts = true;
        int docstringFrom = -1;
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i];
            boolean starts = logical.startsHere();
            logical.read(line);
            if (header != null && starts) {
                header = null;
            } else if (header != null) {
                header.headerEnd = number;
            }
            String trimmed = line.strip();
            if (docstringFrom > 0) {
                documentation[number] = true;
                docstringFrom = logical.startsHere() ? -1 : docstringFrom;
            }
            if (starts && trimmed.startsWith("#")) {
                documentation[number] = true;
            }
            if (starts && !trimmed.isEmpty() && !trimmed.startsWith("#")) {
                boolean docstring = bodyStarts && isStringStatement(trimmed);
                bodyStarts = false;
                if (docstring) {
                    documentation[number] = true;
                    docstringFrom = logical.startsHere() ? -1 : number;
                }
            }
            if (!starts || trimmed.isEmpty() || trimmed.startsWith("#")) {
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    lastCode = number;
                }
                continue;
            }
            int indent = indentOf(line);
            while (!open.isEmpty() && indent <= open.peek().indent) {
                finished.add(open.pop().closedAt(lastCode));
            }
            if (trimmed.startsWith("@")) {
                decoratorStart = decoratorStart < 0 ? number : decoratorStart;
            } else {
                Matcher definition = DEFINITION.matcher(trimmed);
                boolean insideFunction = open.stream().anyMatch(o -> o.function);
                if (definition.find() && !insideFunction) {
                    String name = open.isEmpty() ? definition.group(2) : open.peek().name + "." + definition.group(2);
                    open.push(new Open(
                            name,
                            indent,
                            decoratorStart < 0 ? number : decoratorStart,
                            "def".equals(definition.group(1))));
                    header = open.peek();
                    header.headerEnd = number;
                    bodyStarts = true;
                }
                decoratorStart = -1;
            }
            lastCode = number;
        }
        while (!open.isEmpty()) {
            finished.add(open.pop().closedAt(lastCode));
        }
        return SourceBlocks.of(
                lines,
                documentation,
                finished.stream()
                        .map(o -> new SourceBlocks.Span(
                                o.name, o.start, o.end, Math.max(o.start, o.headerEnd), o.function))
                        .toList());
    }

    /** A statement that is only a string literal: a docstring when it opens a body. */
    private static boolean isStringStatement(String trimmed) {
        String rest = trimmed.replaceFirst("^[rRuUbB]{0,2}", "");
        return rest.startsWith("\"") || rest.startsWith("'");
    }

    private static int indentOf(String line) {
        int width = 0;
        for (char c : line.toCharArray()) {
            if (c == ' ') {
                width++;
            } else if (c == '\t') {
                width = (width / 8 + 1) * 8;
            } else {
                break;
            }
        }
        return width;
    }

    private static final class Open {
        final String name;
        final int indent;
        final int start;
        final boolean function;
        int end;
        int headerEnd;

        Open(String name, int indent, int start, boolean function) {
            this.name = name;
            this.indent = indent;
            this.start = start;
            this.function = function;
        }

        Open closedAt(int lastCode) {
            end = Math.max(start, lastCode);
            return this;
        }
    }

    /** Tracks strings, brackets and backslash continuations across physical lines. */
    private static final class LogicalLines {
        private String quote;
        private int depth;
        private boolean continued;

        boolean startsHere() {
            return quote == null && depth == 0 && !continued;
        }

        void read(String line) {
            continued = false;
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (quote != null) {
                    if (c == '\\') {
                        i += 2;
                        continue;
                    }
                    if (line.startsWith(quote, i)) {
                        i += quote.length();
                        quote = null;
                        continue;
                    }
                    i++;
                    continue;
                }
                if (c == '#') {
                    break;
                }
                if (c == '"' || c == '\'') {
                    String triple = String.valueOf(c).repeat(3);
                    quote = line.startsWith(triple, i) ? triple : String.valueOf(c);
                    i += quote.length();
                    continue;
                }
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                    depth--;
                } else if (c == '\\' && i == line.length() - 1) {
                    continued = true;
                }
                i++;
            }
            if (quote != null && quote.length() == 1) {
                // an unterminated one-quote string ends with its line (or continues with a backslash, handled above)
                continued = line.endsWith("\\");
                quote = null;
            }
        }
    }
}
