package io.devopsparadise.quality.impact;

/** The block parser of a source file, by its name: Python and Java. */
final class SourceParsers {

    private SourceParsers() {}

    static boolean parses(String path) {
        return path.endsWith(".py") || path.endsWith(".java");
    }

    static SourceBlocks parse(String path, String text) {
        return path.endsWith(".java") ? JavaBlocks.parse(text) : PythonBlocks.parse(text);
    }
}
