package io.devopsparadise.quality.projectrules;

import java.nio.file.Path;
import java.util.List;

/**
 * A linter's exclusion globs (flake8's and Ruff's {@code exclude}), applied to files named on the command line,
 * which flake8 would check even when excluded: a file is excluded when it or one of its folders matches a glob by
 * name, or its path relative to the workspace (or a leading part of it) matches a glob that holds a '/'.
 */
public record ExcludePatterns(List<String> globs) {

    /** flake8's own exclusions, which a project's {@code exclude} replaces. */
    public static final List<String> FLAKE8_DEFAULT =
            List.of(".svn", "CVS", ".bzr", ".hg", ".git", "__pycache__", ".tox", ".nox", ".eggs", "*.egg");

    public ExcludePatterns {
        globs = globs.stream()
                .map(ExcludePatterns::normalize)
                .filter(glob -> !glob.isEmpty())
                .toList();
    }

    public boolean excludes(String file) {
        Path path = Path.of(file).normalize();
        for (int i = 1; i <= path.getNameCount(); i++) {
            String name = path.getName(i - 1).toString();
            String leading = path.subpath(0, i).toString();
            if (globs.stream().anyMatch(glob -> matches(glob, glob.contains("/") ? leading : name))) {
                return true;
            }
        }
        return false;
    }

    public List<String> kept(List<String> files) {
        return files.stream().filter(file -> !excludes(file)).toList();
    }

    private static String normalize(String glob) {
        String normal = glob.strip();
        while (normal.startsWith("./")) {
            normal = normal.substring(2);
        }
        return normal.endsWith("/") ? normal.substring(0, normal.length() - 1) : normal;
    }

    /**
     * Python's fnmatch: '*' matches anything (a '/' too), '?' one character, '[...]' a set ('[!...]' its complement,
     * 'a-z' a range). Matched in linear time with one backtrack point (the last '*'), since globs come from the
     * untrusted workspace and a backtracking regex could be made to run for ever.
     */
    static boolean matches(String glob, String text) {
        int g = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            int next = g < glob.length() ? single(glob, g, text.charAt(t)) : -1;
            if (g < glob.length() && glob.charAt(g) == '*') {
                star = g++;
                resume = t;
            } else if (next > 0) {
                g = next;
                t++;
            } else if (star >= 0) {
                g = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }

    /** Where the glob goes on when its element at g matches c; -1 when it does not (or is a '*'). */
    private static int single(String glob, int g, char c) {
        char p = glob.charAt(g);
        if (p == '*') {
            return -1;
        }
        if (p == '?') {
            return g + 1;
        }
        int close = p == '[' ? glob.indexOf(']', g + 2) : -1;
        if (close < 0) {
            return p == c ? g + 1 : -1;
        }
        boolean negated = glob.charAt(g + 1) == '!';
        String set = glob.substring(negated ? g + 2 : g + 1, close);
        boolean in = false;
        for (int i = 0; i < set.length(); i++) {
            if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                in |= c >= set.charAt(i) && c <= set.charAt(i + 2);
                i += 2;
            } else {
                in |= set.charAt(i) == c;
            }
        }
        return in != negated ? close + 1 : -1;
    }
}
