package io.devopsparadise.quality.impact;

import io.devopsparadise.quality.detection.SourceTree;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workspace's Java files as they are now, each parsed into blocks on first use; build output (target/) is left
 * out. A class's file is found by its name: the path under a Maven source root (src/main/java, src/test/java), else
 * the file's package declaration.
 */
final class JavaSources extends Sources {

    private static final List<String> ROOTS = List.of("src/main/java/", "src/test/java/");
    private static final Pattern PACKAGE =
            Pattern.compile("(?m)^\\s*package\\s+([\\p{javaJavaIdentifierPart}.]{1,500})\\s*;");

    private Map<String, String> fileByClass;

    private JavaSources(Path root, List<String> files) {
        super(root, files);
    }

    static JavaSources of(Path root) {
        return new JavaSources(
                root,
                SourceTree.list(root, Set.of(".java"), MAX_FILES).stream()
                        .filter(file -> !file.startsWith("target/") && !file.contains("/target/"))
                        .toList());
    }

    @Override
    SourceBlocks parse(String text) {
        return JavaBlocks.parse(text);
    }

    /** A test class Surefire runs by its default names, in a test source root (src/test/...). */
    static boolean isTestFile(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        boolean named = name.startsWith("Test")
                || name.endsWith("Test.java")
                || name.endsWith("Tests.java")
                || name.endsWith("TestCase.java");
        return isTestSource(file) && named && name.endsWith(".java");
    }

    static boolean isTestSource(String file) {
        return file.startsWith("src/test/") || file.contains("/src/test/");
    }

    /** The fully qualified name of the file's top-level class. */
    Optional<String> className(String file) {
        String simple = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.java$", "");
        for (String sourceRoot : ROOTS) {
            int at = file.startsWith(sourceRoot) ? 0 : file.indexOf("/" + sourceRoot) + 1;
            if (at > 0 || file.startsWith(sourceRoot)) {
                return Optional.of(file.substring(at + sourceRoot.length(), file.length() - ".java".length())
                        .replace('/', '.'));
            }
        }
        return text(file).map(text -> {
            Matcher matcher = PACKAGE.matcher(text.length() > 20_000 ? text.substring(0, 20_000) : text);
            return matcher.find() ? matcher.group(1) + "." + simple : simple;
        });
    }

    /** The workspace file of a top-level class (its nested classes are in it too: "a.B$C" is in a/B.java). */
    Optional<String> fileOfClass(String className) {
        if (fileByClass == null) {
            fileByClass = new HashMap<>();
            // a test class's name may also be a main class's (rare): the main one is what coverage means
            files().stream()
                    .sorted((a, b) -> Boolean.compare(isTestSource(b), isTestSource(a)))
                    .forEach(file -> className(file).ifPresent(name -> fileByClass.put(name, file)));
        }
        String topLevel = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        return Optional.ofNullable(fileByClass.get(topLevel));
    }
}
