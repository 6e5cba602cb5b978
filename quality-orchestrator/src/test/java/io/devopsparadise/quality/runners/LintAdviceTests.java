package io.devopsparadise.quality.runners;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.contracts.quality.ToolOutcome;
import io.devopsparadise.quality.detection.WorkspaceDetector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintAdviceTests {

    @TempDir
    Path root;

    private RunContext context(boolean judgeUnconfigured, List<String> changed, String ruff) throws Exception {
        Files.createDirectories(root.resolve(".paradise/reports/r1"));
        return new RunContext(
                "r1",
                Instant.now(),
                new WorkspaceDetector().detect(root),
                "/workspace",
                ".paradise/reports/r1",
                changed,
                null,
                new Toolbox("/usr/bin/python3", "/app/node_modules", "/usr/bin/chromium", "mvn", null, ruff),
                judgeUnconfigured);
    }

    private ToolOutcome collectEmptyReport(FindingsRunner runner, RunContext context) throws Exception {
        Files.writeString(
                context.reportOnHost(runner.report(context)), runner.report().endsWith(".json") ? "[]" : "");
        String stdout = runner.reportsOnStdout() ? "{\"comments\": []}" : "";
        return runner.collect(context, new ExecResult(0, stdout, "", 1, false));
    }

    private void write(String name, String text) throws Exception {
        Files.createDirectories(root.resolve(name).getParent());
        Files.writeString(root.resolve(name), text);
    }

    @Test
    void aLinterTheProjectDoesNotConfigureIsAdviceUnlessTheProfileJudgesIt() throws Exception {
        write("app.py", "x = 1\n");
        write("deploy.sh", "echo hi\n");

        assertThat(collectEmptyReport(new PylintRunner(), context(false, List.of(), null))
                        .advisory())
                .isTrue();
        assertThat(collectEmptyReport(new ShellcheckRunner(), context(false, List.of(), null))
                        .detail())
                .isEqualTo("the project does not configure shellcheck; its findings are advice");
        assertThat(collectEmptyReport(new PylintRunner(), context(true, List.of(), null))
                        .advisory())
                .isFalse();
    }

    @Test
    void aConfiguredFlake8RunsOnTheTreeOrOnTheChangedFilesItsExclusionsLeave() throws Exception {
        write("app.py", "x = 1\n");
        write("setup.cfg", "[flake8]\nexclude = gen,*_pb2.py\n");

        assertThat(collectEmptyReport(new Flake8Runner(), context(false, List.of(), null))
                        .advisory())
                .isFalse();
        assertThat(new Flake8Runner().command(context(false, List.of(), null))).endsWith("--exit-zero", ".");
        assertThat(new Flake8Runner()
                        .command(context(
                                false, List.of("app.py", "gen/client.py", "api/user_pb2.py", "README.md"), null)))
                .endsWith("--exit-zero", "app.py");
    }

    @Test
    void aChangedFileNamedLikeAnOptionStaysAFileName() throws Exception {
        write("-rf.py", "x = 1\n");

        assertThat(new PylintRunner().command(context(false, List.of("-rf.py"), null)))
                .endsWith("--", "./-rf.py");
        assertThat(new ShellcheckRunner().command(context(false, List.of("--shell=sh.sh"), null)))
                .endsWith("--", "./--shell=sh.sh");
        assertThat(new Flake8Runner().command(context(false, List.of("--output-file=x.py"), null)))
                .endsWith("./--output-file=x.py")
                .doesNotContain("--");
    }

    /** A project whose pyproject.toml configures Ruff, on an instance without Ruff. */
    private RunContext aProjectConfiguringRuffWithoutRuffInstalled() throws Exception {
        write("app.py", "x = 1\n");
        write("pyproject.toml", "[tool.ruff.lint]\nselect = [\"E\", \"F\", \"I\"]\nignore = [\"E731\"]\n");
        return context(false, List.of(), null);
    }

    @Test
    void ruffRunsInsteadOfFlake8ForAProjectThatConfiguresRuff() throws Exception {
        RunContext context = aProjectConfiguringRuffWithoutRuffInstalled();

        assertThat(new Flake8Runner().appliesTo(context)).isFalse();
        assertThat(new RuffRunner().appliesTo(context)).isTrue();
    }

    @Test
    void flake8StandsInForAnUninstalledRuffWithTheProjectsRules() throws Exception {
        assertThat(new RuffRunner().command(aProjectConfiguringRuffWithoutRuffInstalled()))
                .startsWith("flake8")
                .contains("--isolated", "--select=E,F", "--extend-ignore=E731");
    }

    @Test
    void theStandInForRuffIsJudgedSayingWhatRanInstead() throws Exception {
        ToolOutcome outcome = collectEmptyReport(new RuffRunner(), aProjectConfiguringRuffWithoutRuffInstalled());

        assertThat(outcome.advisory()).isFalse();
        assertThat(outcome.detail())
                .isEqualTo(
                        "ruff is not installed in the instance; flake8 ran with the project's Ruff rules translated: "
                                + "--select=E,F --extend-ignore=E731 --max-line-length=88; Ruff rules without a flake8 counterpart were left out: I");
    }

    @Test
    void anInstalledRuffRunsWithTheProjectsOwnConfiguration() throws Exception {
        write("app.py", "x = 1\n");
        write("ruff.toml", "line-length = 100\n");

        assertThat(new RuffRunner().command(context(false, List.of(), "ruff")))
                .containsExactly(
                        "ruff",
                        "check",
                        "--output-format=sarif",
                        "--output-file=/workspace/.paradise/reports/r1/ruff.sarif",
                        "--exit-zero",
                        "--force-exclude",
                        "--",
                        ".");
    }

    private RunContext aProjectWithAMalformedPyproject() throws Exception {
        Path fixture = Path.of("src/test/resources/fixtures/malformed-config");
        for (String name : List.of("pyproject.toml", "calc.py")) {
            Files.copy(fixture.resolve(name), root.resolve(name));
        }
        return context(false, List.of(), null);
    }

    @Test
    void aMalformedPyprojectLetsTheToolsRunWithDefaults() throws Exception {
        assertThat(new PytestRunner().command(aProjectWithAMalformedPyproject()))
                .contains("--cov=.");
    }

    @Test
    void aMalformedPyprojectIsNamedInTheDetail() throws Exception {
        assertThat(collectEmptyReport(new Flake8Runner(), aProjectWithAMalformedPyproject())
                        .detail())
                .startsWith("pyproject.toml: line 3: ")
                .endsWith("; the project does not configure flake8; its findings are advice");
    }

    @Test
    void jestNamesTheProjectsConfigurationFileInsteadOfSettingItsRootDir() throws Exception {
        write("package.json", "{\"devDependencies\": {\"jest\": \"29.7.0\"}}");
        write("jest.config.js", "module.exports = { rootDir: 'src' };");

        assertThat(new JestRunner().command(context(false, List.of(), null)))
                .contains("--config=/workspace/jest.config.js")
                .doesNotContain("--rootDir");
    }
}
