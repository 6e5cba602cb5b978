package io.devopsparadise.quality.custom;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The commands a profile gives for everyone ({@code paradise.quality.profiles.<name>.tools}), bound beside the rest
 * of the profile (see {@code QualityProperties}) and checked when the orchestrator starts.
 *
 * @param profiles the tools of each profile, by profile name
 */
@ConfigurationProperties("paradise.quality")
public record CustomToolsProperties(Map<String, ProfileTools> profiles) {

    public CustomToolsProperties {
        profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
    }

    /** @param tools the project commands every run of the profile has, in the shape of {@code .paradise.yml}'s {@code tools} */
    public record ProfileTools(List<ToolProperties> tools) {

        public ProfileTools {
            tools = tools == null ? List.of() : List.copyOf(tools);
        }
    }

    /**
     * @param name     [a-z0-9-]{1,40}, the outcome's tool name
     * @param category unit, lint, security, api, e2e or performance
     * @param command  the argument array run inside the instance; {reports} and {workspace} are expanded
     * @param report   the report it writes: format (junit, sarif, pylint-json, bandit-json, flake8) and path ({reports}/…)
     * @param coverage a Cobertura report beside a junit one
     * @param timeout  at most the profile's tool-timeout
     * @param replaces the detected tool it stands in for
     */
    public record ToolProperties(
            String name,
            String category,
            List<String> command,
            ReportProperties report,
            ReportProperties coverage,
            Duration timeout,
            String replaces) {}

    /**
     * @param format the report's format
     * @param path   where the command writes it: {reports}/…
     */
    public record ReportProperties(String format, String path) {}
}
