package io.devopsparadise.quality.projectrules;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a workspace configures for its own tools, read once per run: which linters it configures (the others'
 * findings are advice), its Ruff settings, the pytest arguments of its tox command, whether it configures
 * coverage, flake8's exclusions, the jest configuration file, and the configuration files that could not be read.
 *
 * @param configuredLinters flake8, pylint, ruff, eslint, shellcheck — those the project configures
 * @param toxPytest         the pytest command of tox.ini's {@code [testenv] commands}, when it runs pytest
 * @param flake8Exclude     flake8's exclusions as the project sets them (or flake8's defaults)
 * @param jestConfig        a jest.config.* file at the root, else package.json when it has a "jest" block
 * @param unreadable        why a configuration file could not be read ("pyproject.toml: line 3: …"); its tools run with defaults
 */
public record ProjectRules(
        Set<String> configuredLinters,
        Optional<RuffSettings> ruff,
        Optional<ToxPytestCommand> toxPytest,
        boolean coverageConfigured,
        ExcludePatterns flake8Exclude,
        Optional<String> jestConfig,
        List<String> unreadable) {

    public ProjectRules {
        configuredLinters = Set.copyOf(configuredLinters);
        unreadable = List.copyOf(unreadable);
    }

    /** A workspace that configures nothing. */
    public static ProjectRules none() {
        return new ProjectRules(
                Set.of(),
                Optional.empty(),
                Optional.empty(),
                false,
                new ExcludePatterns(ExcludePatterns.FLAKE8_DEFAULT),
                Optional.empty(),
                List.of());
    }

    public boolean configures(String linter) {
        return configuredLinters.contains(linter);
    }

    /** Why some of the named configuration files could not be read. */
    public List<String> unreadable(List<String> files) {
        return unreadable.stream()
                .filter(why -> files.stream().anyMatch(file -> why.startsWith(file + ":")))
                .toList();
    }

    /** The project's own pytest arguments (from tox), or none: pytest then reads its ini options itself. */
    public List<String> pytestArgs() {
        return toxPytest.map(ToxPytestCommand::args).orElse(List.of());
    }

    /** The paths the project's own pytest command runs (from tox), or none: pytest then reads its testpaths itself. */
    public List<String> pytestPaths() {
        return toxPytest.map(ToxPytestCommand::paths).orElse(List.of());
    }

    /** The project's own pytest options for a run whose test plan chooses the tests: no paths, no -x, -n or --lf. */
    public List<String> pytestPlannedOptions() {
        return toxPytest.map(ToxPytestCommand::plannedRunOptions).orElse(List.of());
    }
}
