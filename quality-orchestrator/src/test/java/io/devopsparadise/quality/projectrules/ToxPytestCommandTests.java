package io.devopsparadise.quality.projectrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToxPytestCommandTests {

    @TempDir
    Path root;

    private ToxPytestCommand command(String commands) {
        return ToxPytestCommand.of(commands, root).orElseThrow();
    }

    @Test
    void resolvesToxSubstitutionsToTheWorkspace() throws Exception {
        Files.createDirectories(root.resolve("boltons"));
        Files.createDirectories(root.resolve("tests"));

        ToxPytestCommand pytest =
                command("pytest --doctest-modules {env_site_packages_dir}/boltons {tox_root}/tests {posargs}");

        assertThat(pytest.args()).containsExactly("--doctest-modules", "boltons", "tests");
        assertThat(pytest.dropped()).isEmpty();
        assertThat(command("python -m pytest {envsitepackagesdir}/boltons {toxinidir}/tests")
                        .args())
                .containsExactly("boltons", "tests");
    }

    private ToxPytestCommand withPosargsDefaultAndUnresolvedSubstitutions() throws Exception {
        Files.createDirectories(root.resolve("tests/unit"));
        return command(
                "{envpython} -m pytest -m 'not slow' {posargs:tests/unit} {env:COVERAGE_ARGS} --basetemp={envtmpdir}");
    }

    @Test
    void posargsGiveTheirDefault() throws Exception {
        ToxPytestCommand pytest = withPosargsDefaultAndUnresolvedSubstitutions();

        assertThat(pytest.args()).containsExactly("-m", "not slow", "tests/unit");
    }

    @Test
    void unresolvedSubstitutionsAreDropped() throws Exception {
        ToxPytestCommand pytest = withPosargsDefaultAndUnresolvedSubstitutions();

        assertThat(pytest.dropped()).containsExactly("{env:COVERAGE_ARGS}", "--basetemp={envtmpdir}");
    }

    @Test
    void unsafeArgumentsAreNeverTakenOver() throws Exception {
        Files.createDirectories(root.resolve("tests"));

        ToxPytestCommand pytest =
                command("pytest /etc ../other tests/../../escape ~/x --junitxml=/tmp/x.xml --cov=pkg -p evil_plugin"
                        + " -c /etc/pytest.ini --ignore=../x --ignore=tests/slow tests::test_one missing");

        assertThat(pytest.args()).containsExactly("--ignore=tests/slow", "tests::test_one");
        assertThat(pytest.dropped())
                .containsExactly(
                        "/etc",
                        "../other",
                        "tests/../../escape",
                        "~/x",
                        "--junitxml=/tmp/x.xml",
                        "--cov=pkg",
                        "-p evil_plugin",
                        "-c /etc/pytest.ini",
                        "--ignore=../x",
                        "missing");
    }

    @Test
    void takesTheFirstCommandThatRunsPytest() throws Exception {
        Files.createDirectories(root.resolve("tests"));

        assertThat(command("pip install -e .\n- py.test -x \\\n    tests\nflake8")
                        .args())
                .containsExactly("-x", "tests");
    }

    @Test
    void commandsThatDoNotRunPytestGiveNone() {
        assertThat(ToxPytestCommand.of("flake8 .\nsphinx-build docs out", root)).isEmpty();
    }

    @Test
    void aPytestCommandWithOnlyPosargsGivesNoArguments() {
        assertThat(command("py.test {posargs}").args()).isEmpty();
    }
}
