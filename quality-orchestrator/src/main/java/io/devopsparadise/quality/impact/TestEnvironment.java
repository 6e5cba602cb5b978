package io.devopsparadise.quality.impact;

import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.quality.reportdir.WorkspaceText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the tests run with: the Python, pytest, coverage and installed packages' versions in the instance (one probe),
 * and the project's lock and configuration files. A map built under another environment is not trusted.
 *
 * @param fingerprint name → version or checksum
 * @param cpus        the CPUs the instance may use (its cgroup limit, else its affinity)
 * @param xdist       pytest-xdist is installed
 */
record TestEnvironment(Map<String, String> fingerprint, int cpus, boolean xdist) {

    static final List<String> FILES = List.of(
            "pyproject.toml",
            "setup.py",
            "setup.cfg",
            "tox.ini",
            "pytest.ini",
            ".coveragerc",
            "requirements.txt",
            "requirements-dev.txt",
            "requirements-test.txt",
            "Pipfile.lock",
            "poetry.lock",
            "uv.lock",
            "pdm.lock");
    private static final String PROBE = resource("environment_probe.py");

    static TestEnvironment probe(String python, ToolExec exec, Path workspace) {
        ExecResult result = exec.exec(List.of(python, "-c", PROBE), Map.of(), Duration.ofSeconds(60));
        Map<String, String> fingerprint = new TreeMap<>();
        int cpus = 1;
        boolean xdist = false;
        try {
            JsonNode probe = JsonMapper.shared()
                    .readTree(result.exitCode() == 0 ? result.stdout().strip() : "{}");
            for (String name : List.of("python", "pytest", "pytest-cov", "coverage", "pytest-xdist", "packages")) {
                fingerprint.put(name, probe.path(name).asString("absent"));
            }
            cpus = Math.max(1, Math.min(256, probe.path("cpus").asInt(1)));
            xdist = probe.path("pytest-xdist").isString();
        } catch (JacksonException e) {
            fingerprint.put("python", "unknown");
        }
        for (String file : FILES) {
            WorkspaceText.read(workspace, file, ChangeDetector.MAX_FILE_BYTES)
                    .ifPresent(text -> fingerprint.put(file, SourceBlocks.sha256(text)));
        }
        return new TestEnvironment(fingerprint, cpus, xdist);
    }

    static String resource(String name) {
        try (InputStream in = TestEnvironment.class.getResourceAsStream("/impact/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
