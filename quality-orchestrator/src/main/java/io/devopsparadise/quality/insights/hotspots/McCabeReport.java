package io.devopsparadise.quality.insights.hotspots;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads flake8's mccabe output, run with {@code --select=C901 --max-complexity=0} so that every function is reported:
 * {@code path:line:col: C901 'name' is too complex (n)}. Lines of any other form are skipped; at most
 * {@link #MAX_FUNCTIONS} functions are read.
 */
public final class McCabeReport {

    static final int MAX_FUNCTIONS = 200_000;
    private static final Pattern LINE =
            Pattern.compile("^(?:\\./)?(.+?):(\\d+):\\d+: C901 '(.{1,300})' is too complex \\((\\d{1,6})\\)$");

    private McCabeReport() {}

    /** The command that measures a Python workspace, run at its root. */
    public static List<String> command() {
        return List.of(
                "python3",
                "-m",
                "flake8",
                "--select=C901",
                "--max-complexity=0",
                "--exit-zero",
                "--format=default",
                ".");
    }

    public static Map<String, FileComplexity> parse(String output) {
        Map<String, List<FunctionComplexity>> byFile = new LinkedHashMap<>();
        int read = 0;
        for (String line : output.split("\n")) {
            Matcher match = LINE.matcher(line.strip());
            if (!match.matches()) {
                continue;
            }
            String file = match.group(1);
            byFile.computeIfAbsent(file, k -> new ArrayList<>())
                    .add(new FunctionComplexity(
                            file, match.group(3), Integer.parseInt(match.group(2)), Integer.parseInt(match.group(4))));
            if (++read == MAX_FUNCTIONS) {
                break;
            }
        }
        Map<String, FileComplexity> files = new LinkedHashMap<>();
        byFile.forEach((file, functions) -> files.put(file, new FileComplexity(file, functions)));
        return files;
    }
}
