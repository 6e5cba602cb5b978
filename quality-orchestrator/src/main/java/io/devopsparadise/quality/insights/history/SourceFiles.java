package io.devopsparadise.quality.insights.history;

import java.util.Locale;
import java.util.Set;

/** Which files hold program source, and which of their lines carry no behaviour. */
public final class SourceFiles {

    private static final Set<String> EXTENSIONS = Set.of(
            "py", "pyx", "java", "kt", "scala", "groovy", "js", "jsx", "mjs", "cjs", "ts", "tsx", "go", "rb", "rs", "c",
            "h", "cc", "cpp", "hpp", "cs", "php", "swift", "sh");

    private SourceFiles() {}

    public static boolean isSource(String path) {
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/')
                && EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** A blank line, or one holding only a comment in the languages above (the start of a block comment included). */
    public static boolean isBlankOrComment(String line) {
        String code = line.strip();
        return code.isEmpty()
                || code.startsWith("#")
                || code.startsWith("//")
                || code.startsWith("/*")
                || code.startsWith("*");
    }
}
