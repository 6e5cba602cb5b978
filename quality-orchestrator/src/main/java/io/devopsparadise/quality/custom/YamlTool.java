package io.devopsparadise.quality.custom;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** One entry of {@code .paradise.yml}'s {@code tools} list, checked node by node so that each problem names its line. */
final class YamlTool {

    static final Set<String> KEYS = Set.of("name", "category", "command", "report", "coverage", "timeout", "replaces");
    private static final Set<String> REPORT_KEYS = Set.of("format", "path");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})(ms|s|m|h)");

    private YamlTool() {}

    static Optional<CustomTool> of(Node entry, String where, List<String> problems) {
        int before = problems.size();
        YamlFields fields = YamlFields.of(entry, where, KEYS, problems);
        String name = fields.string("name", where, problems);
        String category = fields.string("category", where, problems);
        List<String> command = command(fields.get("command"), where, problems);
        YamlFields report = fields.mapping("report", where, REPORT_KEYS, problems);
        YamlFields coverage = fields.mapping("coverage", where, REPORT_KEYS, problems);
        Duration timeout = timeout(fields.get("timeout"), where, problems);
        String replaces = fields.string("replaces", where, problems);
        String[] reportSetting = setting(report, where + ".report", problems);
        String[] coverageSetting = setting(coverage, where + ".coverage", problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        try {
            ReportSpec reportSpec = report == null
                    ? null
                    : ReportSpec.of("report", reportSetting[0], reportSetting[1], ReportFormat.REPORTS);
            ReportSpec coverageSpec = coverage == null
                    ? null
                    : ReportSpec.of(
                            "coverage", coverageSetting[0], coverageSetting[1], List.of(ReportFormat.COBERTURA));
            return Optional.of(new CustomTool(
                    ParadiseYml.FILE,
                    YamlFields.at(entry) + where,
                    name,
                    CustomTool.category(category),
                    command,
                    reportSpec,
                    coverageSpec,
                    timeout,
                    replaces));
        } catch (InvalidCustomToolException e) {
            problems.add(
                    YamlFields.at(locate(e.field(), fields, report, coverage, entry)) + where + "." + e.getMessage());
            return Optional.empty();
        }
    }

    private static List<String> command(Node node, String where, List<String> problems) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof SequenceNode sequence)) {
            problems.add(YamlFields.at(node) + where + ".command must be an array of strings, " + CustomTool.EXAMPLE
                    + (node instanceof ScalarNode ? "; a string is never run through a shell" : ""));
            return null;
        }
        List<String> argv = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Node element = sequence.getValue().get(i);
            if (element instanceof ScalarNode scalar && scalar.getTag().equals(Tag.STR)) {
                argv.add(scalar.getValue());
            } else {
                problems.add(YamlFields.at(element) + where + ".command[" + i + "] must be a string"
                        + YamlFields.quoteHint(element));
            }
        }
        return argv;
    }

    private static Duration timeout(Node node, String where, List<String> problems) {
        Matcher matcher = node instanceof ScalarNode scalar ? DURATION.matcher(scalar.getValue()) : null;
        if (node == null) {
            return null;
        }
        if (matcher == null || !matcher.matches()) {
            problems.add(YamlFields.at(node) + where + ".timeout must be a duration like 90s, 5m or 1h");
            return null;
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** A report's format and path, as given. */
    private static String[] setting(YamlFields report, String where, List<String> problems) {
        return report == null
                ? new String[2]
                : new String[] {report.string("format", where, problems), report.string("path", where, problems)};
    }

    /** The node a setting's problem is about: the nested one when there is one, else the setting or the whole entry. */
    private static Node locate(String field, YamlFields fields, YamlFields report, YamlFields coverage, Node entry) {
        String[] parts = field.split("[.\\[]", 2);
        YamlFields nested = parts[0].equals("report") ? report : parts[0].equals("coverage") ? coverage : null;
        if (nested != null && parts.length > 1 && nested.get(parts[1]) != null) {
            return nested.get(parts[1]);
        }
        return fields.get(parts[0]) != null ? fields.get(parts[0]) : entry;
    }
}
