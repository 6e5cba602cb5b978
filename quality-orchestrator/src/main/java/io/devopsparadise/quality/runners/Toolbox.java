package io.devopsparadise.quality.runners;

import java.net.URI;
import java.util.Optional;

/**
 * Where an instance keeps the tools the runners call, as the instance sees them.
 *
 * @param python      the Python with the Debian tools (pytest, coverage, pylint, flake8, bandit)
 * @param nodeModules the npm tools (jest, jest-junit, ESLint, Playwright, Newman, Lighthouse)
 * @param chromium    the browser Playwright and Lighthouse drive
 * @param maven       the Maven command when the workspace has no wrapper
 * @param npmRegistry where npm audit asks for advisories; null = npm's own configuration
 * @param ruff        the Ruff command when the instance has Ruff; null = it has none (flake8 then stands in for it)
 */
public record Toolbox(String python, String nodeModules, String chromium, String maven, URI npmRegistry, String ruff) {

    /** An instance without Ruff. */
    public Toolbox(String python, String nodeModules, String chromium, String maven, URI npmRegistry) {
        this(python, nodeModules, chromium, maven, npmRegistry, null);
    }

    public Optional<String> ruffCommand() {
        return Optional.ofNullable(ruff).filter(command -> !command.isBlank());
    }
}
