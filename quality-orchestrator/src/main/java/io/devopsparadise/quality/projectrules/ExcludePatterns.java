package io.devopsparadise.quality.projectrules;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A linter's exclusion globs (flake8's and Ruff's {@code exclude}), applied to files named on the command line,
 * which flake8 would check even when excluded: a file is excluded when it or one of its folders matches a glob by
 * name, or its path relative to the workspace (or a leading part of it) matches a glob that holds a '/'.
 */
public record ExcludePatterns(List<String> globs) {

    /** flake8's own exclusions, which a project's {@code exclude} replaces. */
    public static final List<String> FLAKE8_DEFAULT = List.of(".svn", "CVS", ".bzr", ".hg", ".git", "__pycache__", ".tox", ".nox", ".eggs", "*.egg");

    public ExcludePatterns {
        globs = globs.stream().map(ExcludePatterns::normalize).filter(glob -> !glob.isEmpty()).toList();
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

    /** Python's fnmatch: '*' matches anything (a '/' too), '?' one character, '[...]' a set. */
    static boolean matches(String glob, String text) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            int close = c == '[' ? glob.indexOf(']', i + 2) : -1;
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (close > 0) {
                String set = glob.substring(i + 1, close);
                regex.append('[').append(set.startsWith("!") ? "^" + Pattern.quote(set.substring(1)) : Pattern.quote(set)).append(']');
                i = close;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return text.matches(regex.toString());
    }
}
