package io.devopsparadise.quality.runners;

import java.net.URI;

/**
 * Where an instance keeps the tools the runners call, as the instance sees them.
 *
 * @param python      the Python with the Debian tools (pytest, coverage, pylint, flake8, bandit)
 * @param nodeModules the npm tools (jest, jest-junit, ESLint, Playwright, Newman, Lighthouse)
 * @param chromium    the browser Playwright and Lighthouse drive
 * @param maven       the Maven command when the workspace has no wrapper
 * @param npmRegistry where npm audit asks for advisories; null = npm's own configuration
 */
public record Toolbox(String python, String nodeModules, String chromium, String maven, URI npmRegistry) {
}
