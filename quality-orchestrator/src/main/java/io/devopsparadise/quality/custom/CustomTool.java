package io.devopsparadise.quality.custom;

import io.devopsparadise.contracts.quality.ProfileRules;
import io.devopsparadise.contracts.quality.ToolCategory;
import io.devopsparadise.quality.runners.RunContext;
import io.devopsparadise.quality.semantic.SemanticAnalyzer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A project's own command for one tool, from a profile or the workspace's {@code .paradise.yml}: an argument array
 * (never a shell string) run inside the instance like every other tool, and the report it writes.
 *
 * @param origin   where it was configured: {@code .paradise.yml} or {@code profile standard}
 * @param location where in there, for messages: {@code line 3: tools[0]} or {@code tools[0]}
 * @param coverage a Cobertura report beside a JUnit one; null when the command measures no coverage
 * @param timeout  null = the profile's tool-timeout
 * @param replaces the detected tool this command stands in for; null = none
 */
public record CustomTool(
        String origin,
        String location,
        String name,
        ToolCategory category,
        List<String> command,
        ReportSpec report,
        ReportSpec coverage,
        Duration timeout,
        String replaces) {

    static final String NAME = "[a-z0-9-]{1,40}";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(reports|workspace)}");
    static final String EXAMPLE = "e.g. [\"pytest\", \"-q\"]";

    public CustomTool {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(location, "location");
        if (name == null || !name.matches(NAME)) {
            throw new InvalidCustomToolException(
                    "name", "must be 1 to 40 lowercase letters, digits or '-'" + got(name));
        }
        if (SemanticAnalyzer.TOOL.equals(name)) {
            // the semantic step's outcome goes by this name; a second one would merge with it in the reports and the
            // baseline
            throw new InvalidCustomToolException(
                    "name", "'" + name + "' is the semantic step's own tool; choose another name");
        }
        if (category == null) {
            throw new InvalidCustomToolException("category", "must be one of " + ProfileRules.CATEGORIES + got(null));
        }
        command = checkCommand(command);
        if (report == null) {
            throw new InvalidCustomToolException(
                    "report", "is required: {format: junit, path: \"{reports}/unit.xml\"}");
        }
        if (coverage != null
                && (coverage.format() != ReportFormat.COBERTURA || report.format() != ReportFormat.JUNIT)) {
            throw new InvalidCustomToolException("coverage", "is a Cobertura report beside a junit report");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new InvalidCustomToolException("timeout", "must be longer than zero");
        }
        if (replaces != null && !replaces.matches(NAME)) {
            throw new InvalidCustomToolException("replaces", "must name a tool, like pytest" + got(replaces));
        }
    }

    private static List<String> checkCommand(List<String> command) {
        if (command == null || command.isEmpty()) {
            throw new InvalidCustomToolException("command", "is required: an array of strings, " + EXAMPLE);
        }
        for (int i = 0; i < command.size(); i++) {
            if (command.get(i) == null) {
                throw new InvalidCustomToolException("command[" + i + "]", "must be a string");
            }
            if (command.get(i).indexOf('\0') >= 0) {
                throw new InvalidCustomToolException("command[" + i + "]", "contains a NUL character");
            }
        }
        if (command.get(0).isBlank()) {
            throw new InvalidCustomToolException("command[0]", "must name the program to run");
        }
        if (command.size() == 1 && command.get(0).strip().contains(" ")) {
            throw new InvalidCustomToolException(
                    "command",
                    "is one string with spaces ('" + shorten(command.get(0))
                            + "'); it is never run through a shell: give an array of strings, " + EXAMPLE);
        }
        return List.copyOf(command);
    }

    /** The argument array for this run: {@code {reports}} and {@code {workspace}} as the instance sees them, nothing else. */
    public List<String> argv(RunContext context) {
        String reports = context.workspaceInInstance() + "/" + context.reportDir();
        return command.stream()
                .map(arg -> PLACEHOLDER
                        .matcher(arg)
                        .replaceAll(m -> Matcher.quoteReplacement(
                                m.group(1).equals("reports") ? reports : context.workspaceInInstance())))
                .toList();
    }

    /** Where it was configured, for messages: {@code .paradise.yml: line 3: tools[0]}. */
    public String source() {
        return origin + ": " + location;
    }

    /** Whether, running, this command takes the place of the detected tool. */
    boolean standsInFor(String tool) {
        return name.equals(tool) || tool.equals(replaces);
    }

    static String shorten(String value) {
        return value == null || value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }

    private static String got(String value) {
        return value == null ? "" : ", got '" + shorten(value) + "'";
    }

    /** A category as the user wrote it; null stays null (the constructor says it is missing). */
    static ToolCategory category(String text) {
        return text == null
                ? null
                : ToolCategory.find(text)
                        .orElseThrow(() -> new InvalidCustomToolException(
                                "category", "must be one of " + ProfileRules.CATEGORIES + got(text)));
    }
}
