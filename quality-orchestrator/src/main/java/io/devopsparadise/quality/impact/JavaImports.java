package io.devopsparadise.quality.impact;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which workspace Java files use which, read from their text: a file uses another's type when it imports it (a
 * nested type or a static member of it too), when it names it and is in the same package or imports the package
 * whole, or when it writes its qualified name. Every word of the file counts as a name, comments and strings too:
 * a word too many selects a test too many, never one too few. Reflection and service loading are not seen: coverage
 * sees those.
 */
final class JavaImports {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*+package\\s++([\\w.]++)\\s*+;");
    private static final Pattern IMPORT =
            Pattern.compile("(?m)^\\s*+import\\s++(static\\s++)?+([\\w.]++)(\\.\\*)?+\\s*+;");
    private static final Pattern DECLARED =
            Pattern.compile("\\b(?:class|interface|enum|record)\\s++([A-Za-z_$][\\w$]*+)");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_$][\\w$]*+");

    private JavaImports() {}

    /** Reads every Java file of the workspace. */
    static ImportGraph of(JavaSources sources) {
        Map<String, Parsed> files = new HashMap<>();
        Map<String, Set<String>> declaredIn = new HashMap<>();
        for (String file : sources.files()) {
            sources.text(file).ifPresent(text -> {
                Parsed parsed = Parsed.of(text);
                files.put(file, parsed);
                parsed.declared.forEach(name ->
                        declaredIn.computeIfAbsent(name, k -> new TreeSet<>()).add(file));
            });
        }
        Map<String, Set<String>> usedBy = new HashMap<>();
        files.forEach((user, parsed) -> {
            for (String word : parsed.words) {
                for (String candidate : declaredIn.getOrDefault(word, Set.of())) {
                    if (!candidate.equals(user) && uses(parsed, files.get(candidate), word)) {
                        usedBy.computeIfAbsent(candidate, k -> new TreeSet<>()).add(user);
                    }
                }
            }
        });
        return ImportGraph.of(usedBy);
    }

    private static boolean uses(Parsed user, Parsed declaring, String name) {
        String qualified = declaring.packageName.isEmpty() ? name : declaring.packageName + "." + name;
        return user.packageName.equals(declaring.packageName)
                || user.wildcards.contains(declaring.packageName)
                || user.wildcards.contains(qualified)
                || user.imports.stream().anyMatch(i -> i.equals(qualified) || i.startsWith(qualified + "."))
                || user.text.contains(qualified);
    }

    private record Parsed(
            String packageName,
            List<String> imports,
            Set<String> wildcards,
            Set<String> declared,
            Set<String> words,
            String text) {

        static Parsed of(String text) {
            Matcher packageMatch = PACKAGE.matcher(text);
            String packageName = packageMatch.find() ? packageMatch.group(1) : "";
            List<String> imports = new java.util.ArrayList<>();
            Set<String> wildcards = new HashSet<>();
            Matcher importMatch = IMPORT.matcher(text);
            while (importMatch.find()) {
                if (importMatch.group(3) != null) {
                    wildcards.add(importMatch.group(2));
                } else {
                    imports.add(importMatch.group(2));
                }
            }
            Set<String> declared = new HashSet<>();
            Matcher declaredMatch = DECLARED.matcher(text);
            while (declaredMatch.find()) {
                declared.add(declaredMatch.group(1));
            }
            Set<String> words = new HashSet<>();
            Matcher word = WORD.matcher(text);
            while (word.find()) {
                words.add(word.group());
            }
            return new Parsed(packageName, imports, wildcards, declared, words, text);
        }
    }
}
