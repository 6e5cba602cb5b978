package io.devopsparadise.quality.custom;

import io.devopsparadise.contracts.quality.ToolCategory;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.quality.profiles.QualityProfile;
import io.devopsparadise.quality.profiles.QualityProfiles;
import io.devopsparadise.quality.runners.RunContext;
import io.devopsparadise.quality.runners.ToolRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The project's own commands, where detection is not enough: those a profile gives for everyone (checked at start-up)
 * and those of the workspace's {@code .paradise.yml}, which add to them or override them by name. Each becomes a
 * {@link CustomCommandRunner} for the run, in place of the detected tool it replaces.
 */
@Component
public class CustomCommands {

    private final Map<String, List<CustomTool>> byProfile = new HashMap<>();
    private final Set<String> builtIn;

    @Autowired
    CustomCommands(CustomToolsProperties properties, QualityProfiles profiles, List<ToolRunner> runners) {
        this(
                properties,
                name -> profiles.get(name).toolTimeout(),
                runners.stream().map(ToolRunner::tool).toList());
    }

    /** @throws IllegalArgumentException naming the profile and the setting, when a profile's command breaks a rule */
    CustomCommands(
            CustomToolsProperties properties, Function<String, Duration> toolTimeouts, Collection<String> builtIn) {
        this.builtIn = new TreeSet<>(builtIn);
        properties
                .profiles()
                .forEach((name, tools) -> byProfile.put(
                        name, profileTools(name, tools == null ? List.of() : tools.tools(), toolTimeouts.apply(name))));
    }

    /**
     * The runners of one run: the detected ones no project command replaces, then the project commands; an invalid
     * {@code .paradise.yml} is refused as an ERROR outcome named after the file, and the detected tools still run.
     */
    public RunPlan plan(QualityProfile profile, RunContext context, List<ToolRunner> detected) {
        return plan(profile.name(), profile.categories(), profile.toolTimeout(), context, detected);
    }

    RunPlan plan(
            String profile,
            Set<ToolCategory> categories,
            Duration toolTimeout,
            RunContext context,
            List<ToolRunner> detected) {
        Map<String, CustomTool> tools = new LinkedHashMap<>();
        byProfile.getOrDefault(profile, List.of()).forEach(tool -> tools.put(tool.name(), tool));
        List<ToolOutcome> refused = new ArrayList<>();
        try {
            workspaceTools(context.workspace().root(), toolTimeout).forEach(tool -> tools.put(tool.name(), tool));
        } catch (InvalidParadiseYmlException e) {
            refused.add(ToolOutcome.error(
                    ParadiseYml.FILE,
                    firstCategory(categories),
                    0,
                    e.getMessage() + " (none of its tools ran; the detected tools did)"));
        }
        List<CustomTool> running = tools.values().stream()
                .filter(tool -> categories.contains(tool.category()))
                .toList();
        List<ToolRunner> runners = new ArrayList<>(detected.stream()
                .filter(runner -> running.stream().noneMatch(tool -> tool.standsInFor(runner.tool())))
                .toList());
        tools.values().forEach(tool -> runners.add(new CustomCommandRunner(tool)));
        return new RunPlan(runners, refused);
    }

    /** The commands a profile gives, for tests and listings. */
    List<CustomTool> profileTools(String profile) {
        return byProfile.getOrDefault(profile, List.of());
    }

    private List<CustomTool> workspaceTools(Path workspace, Duration toolTimeout) {
        List<CustomTool> tools = ParadiseYml.read(workspace);
        List<String> problems = tools.stream()
                .flatMap(tool -> problem(tool, toolTimeout).map(why -> tool.location() + "." + why).stream())
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidParadiseYmlException(problems);
        }
        return tools;
    }

    private List<CustomTool> profileTools(
            String profile, List<CustomToolsProperties.ToolProperties> raw, Duration toolTimeout) {
        List<CustomTool> tools = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String where = "quality profile " + profile + ": tools[" + i + "].";
            CustomTool tool = profileTool(profile, "tools[" + i + "]", raw.get(i), where);
            Optional<String> problem = problem(tool, toolTimeout)
                    .or(() -> names.add(tool.name())
                            ? Optional.empty()
                            : Optional.of("name '" + tool.name() + "' is given twice"));
            if (problem.isPresent()) {
                throw new IllegalArgumentException(where + problem.get());
            }
            tools.add(tool);
        }
        return List.copyOf(tools);
    }

    private static CustomTool profileTool(
            String profile, String location, CustomToolsProperties.ToolProperties raw, String where) {
        try {
            ReportSpec report = raw.report() == null
                    ? null
                    : ReportSpec.of(
                            "report", raw.report().format(), raw.report().path(), ReportFormat.REPORTS);
            ReportSpec coverage = raw.coverage() == null
                    ? null
                    : ReportSpec.of(
                            "coverage",
                            raw.coverage().format(),
                            raw.coverage().path(),
                            List.of(ReportFormat.COBERTURA));
            return new CustomTool(
                    "profile " + profile,
                    location,
                    raw.name(),
                    CustomTool.category(raw.category()),
                    raw.command(),
                    report,
                    coverage,
                    raw.timeout(),
                    raw.replaces());
        } catch (InvalidCustomToolException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    /** What breaks the rules that depend on the profile and on the orchestrator's tools. */
    private Optional<String> problem(CustomTool tool, Duration toolTimeout) {
        if (tool.timeout() != null && tool.timeout().compareTo(toolTimeout) > 0) {
            return Optional.of("timeout " + human(tool.timeout()) + " is longer than the profile's tool-timeout "
                    + human(toolTimeout));
        }
        if (tool.replaces() != null && !builtIn.contains(tool.replaces())) {
            return Optional.of(
                    "replaces '" + tool.replaces() + "', which is not a tool the orchestrator runs; known: " + builtIn);
        }
        return Optional.empty();
    }

    private static ToolCategory firstCategory(Set<ToolCategory> categories) {
        return Arrays.stream(ToolCategory.values())
                .filter(categories::contains)
                .findFirst()
                .orElse(ToolCategory.UNIT);
    }

    static String human(Duration duration) {
        long seconds = duration.toSeconds();
        if (duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + "ms";
        }
        return seconds % 3600 == 0 ? seconds / 3600 + "h" : seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
