package io.devopsparadise.quality.projectrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectRulesReaderTests {

    @TempDir
    Path root;

    private void write(String name, String text) throws Exception {
        Files.writeString(root.resolve(name), text);
    }

    @Test
    void aWorkspaceWithoutConfigurationConfiguresNothing() {
        ProjectRules rules = ProjectRulesReader.read(root);

        assertThat(rules.configuredLinters()).isEmpty();
        assertThat(rules.coverageConfigured()).isFalse();
        assertThat(rules.pytestArgs()).isEmpty();
        assertThat(rules.unreadable()).isEmpty();
    }

    /** setup.cfg, tox.ini, package.json and .shellcheckrc configuring four linters, coverage and Jest. */
    private ProjectRules aProjectConfiguringItsTools() throws Exception {
        write("setup.cfg", "[flake8]\nexclude = build,gen\n\n[pylint.messages_control]\ndisable = C0114\n");
        write("tox.ini", "[coverage:run]\nsource = pkg\n");
        write("package.json", "{\"eslintConfig\": {\"extends\": \"eslint:recommended\"}, \"jest\": {}}");
        write(".shellcheckrc", "disable=SC2086\n");
        return ProjectRulesReader.read(root);
    }

    @Test
    void recognizesTheLintersAProjectConfigures() throws Exception {
        assertThat(aProjectConfiguringItsTools().configuredLinters())
                .containsExactlyInAnyOrder("flake8", "pylint", "eslint", "shellcheck");
    }

    @Test
    void recognizesTheCoverageAProjectConfigures() throws Exception {
        assertThat(aProjectConfiguringItsTools().coverageConfigured()).isTrue();
    }

    @Test
    void readsTheFilesFlake8Excludes() throws Exception {
        ProjectRules rules = aProjectConfiguringItsTools();

        assertThat(rules.flake8Exclude().excludes("gen/api/client.py")).isTrue();
        assertThat(rules.flake8Exclude().excludes("src/app.py")).isFalse();
    }

    @Test
    void findsTheJestConfigurationInPackageJson() throws Exception {
        assertThat(aProjectConfiguringItsTools().jestConfig()).contains("package.json");
    }

    /** pyproject.toml's tables for pylint, Ruff and coverage, and a jest.config.js. */
    private ProjectRules aPyprojectConfiguringItsTools() throws Exception {
        write(
                "pyproject.toml",
                "[tool.pylint.format]\nmax-line-length = 100\n[tool.ruff]\nline-length = 90\n[tool.coverage.run]\nsource = [\"pkg\"]\n");
        write("jest.config.js", "module.exports = {};");
        return ProjectRulesReader.read(root);
    }

    @Test
    void pyprojectTablesConfigureTheLinters() throws Exception {
        ProjectRules rules = aPyprojectConfiguringItsTools();

        assertThat(rules.configuredLinters()).containsExactlyInAnyOrder("pylint", "ruff");
        assertThat(rules.ruff().orElseThrow().lineLength()).isEqualTo(90);
    }

    @Test
    void aPyprojectTableConfiguresCoverage() throws Exception {
        assertThat(aPyprojectConfiguringItsTools().coverageConfigured()).isTrue();
    }

    @Test
    void findsJestsOwnConfigurationFile() throws Exception {
        assertThat(aPyprojectConfiguringItsTools().jestConfig()).contains("jest.config.js");
    }

    /** A malformed pyproject.toml and tox.ini beside a readable setup.cfg. */
    private ProjectRules aProjectWithMalformedFiles() throws Exception {
        write("pyproject.toml", "[tool.ruff.lint]\nselect = [\"E4\", \"F\"\nignore = [\"E731\"]\n");
        write("setup.cfg", "[flake8]\nmax-line-length = 100\n");
        write("tox.ini", "commands = pytest\n");
        return ProjectRulesReader.read(root);
    }

    @Test
    void aMalformedFileIsReportedWithItsLine() throws Exception {
        ProjectRules rules = aProjectWithMalformedFiles();

        assertThat(rules.unreadable()).hasSize(2);
        assertThat(rules.unreadable().get(0))
                .startsWith("pyproject.toml: line 3: ")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(rules.unreadable().get(1)).isEqualTo("tox.ini: line 1: an option before any [section] header");
    }

    @Test
    void theRestIsStillReadBesideAMalformedFile() throws Exception {
        ProjectRules rules = aProjectWithMalformedFiles();

        assertThat(rules.configuredLinters()).containsExactly("flake8");
        assertThat(rules.ruff()).isEmpty();
    }

    @Test
    void aRuffSettingOfTheWrongTypeIsReportedNotThrown() throws Exception {
        write("ruff.toml", "line-length = \"long\"\n");

        ProjectRules rules = ProjectRulesReader.read(root);

        assertThat(rules.configures("ruff")).isTrue();
        assertThat(rules.ruff()).isEmpty();
        assertThat(rules.unreadable())
                .containsExactly("ruff.toml: a Ruff setting that should be a positive integer is not: \"long\"");
    }

    @Test
    void aConfigurationFileLargerThanOneMebibyteIsNotRead() throws Exception {
        write("setup.cfg", "[flake8]\n" + "# padding\n".repeat(120_000));

        ProjectRules rules = ProjectRulesReader.read(root);

        assertThat(rules.unreadable()).singleElement().asString().startsWith("setup.cfg: larger than 1 MiB");
        assertThat(rules.configures("flake8")).isFalse();
    }

    @Test
    void aConfigurationFileSymlinkedOutOfTheWorkspaceIsNeverRead(@TempDir Path elsewhere) throws Exception {
        Path secret = elsewhere.resolve("secret.toml");
        Files.writeString(secret, "token = \"s3cr3t\"\n[tool.ruff]\n");
        Files.createSymbolicLink(root.resolve("pyproject.toml"), secret);

        ProjectRules rules = ProjectRulesReader.read(root);

        assertThat(rules.configures("ruff")).isFalse();
        assertThat(rules.unreadable())
                .singleElement()
                .asString()
                .startsWith("pyproject.toml: not a regular file")
                .doesNotContain("s3cr3t");
    }
}
