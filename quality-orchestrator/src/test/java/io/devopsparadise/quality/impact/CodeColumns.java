package io.devopsparadise.quality.impact;

/**
 * Which characters of a Python file are code, as a simple scan can tell: not inside a string literal (one that spans
 * lines included) and not in a comment; and which lines hold a whole logical line (no open bracket, string or
 * backslash continuation at either end).
 */
final class CodeColumns {

    private final boolean[][] code;
    private final boolean[] whole;

    private CodeColumns(boolean[][] code, boolean[] whole) {
        this.code = code;
        this.whole = whole;
    }

    static CodeColumns of(String[] lines) {
        boolean[][] code = new boolean[lines.length][];
        boolean[] whole = new boolean[lines.length];
        Scanner scanner = new Scanner();
        for (int i = 0; i < lines.length; i++) {
            boolean startsClean = scanner.clean();
            code[i] = scanner.read(lines[i]);
            whole[i] = startsClean && scanner.clean();
        }
        return new CodeColumns(code, whole);
    }

    /** Whether columns {@code from} (inclusive) to {@code to} (exclusive) of a line (1-based) are all code. */
    boolean isCode(int line, int from, int to) {
        boolean[] columns = code[line - 1];
        for (int column = from; column < to; column++) {
            if (column < 0 || column >= columns.length || !columns[column]) {
                return false;
            }
        }
        return true;
    }

    /** Whether a line (1-based) is one whole logical line: it neither continues one nor is continued. */
    boolean isWholeStatement(int line) {
        return whole[line - 1];
    }

    /** Reads physical lines, carrying strings, brackets and backslash continuations from one to the next. */
    private static final class Scanner {
        private String quote;
        private int depth;
        private boolean continued;

        boolean clean() {
            return quote == null && depth == 0 && !continued;
        }

        boolean[] read(String line) {
            boolean[] code = new boolean[line.length()];
            continued = false;
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (quote != null) {
                    i = insideString(line, i);
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
                code[i] = true;
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                    depth--;
                } else if (c == '\\' && i == line.length() - 1) {
                    continued = true;
                }
                i++;
            }
            if (quote != null && quote.length() == 1 && !line.endsWith("\\")) {
                quote = null;
            }
            return code;
        }

        private int insideString(String line, int i) {
            if (line.charAt(i) == '\\') {
                return i + 2;
            }
            if (line.startsWith(quote, i)) {
                int end = i + quote.length();
                quote = null;
                return end;
            }
            return i + 1;
        }
    }
}
