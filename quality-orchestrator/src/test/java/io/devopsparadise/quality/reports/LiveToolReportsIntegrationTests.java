package io.devopsparadise.quality.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.testsupport.AuditEndpoint;
import io.devopsparadise.testsupport.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real tools (Debian packages, installed by scripts/install-test-deps.sh) on the fixtures now and reads
 * their reports with the same expectations as the recordings: the recordings cannot drift from what the tools write.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LiveToolReportsIntegrationTests {

    @TempDir
    Path work;

    private Path fixture(String name) {
        return Fixtures.copy(Path.of("src/test/resources/fixtures", name).toAbsolutePath(), work.resolve(name));
    }

    private static int run(Path dir, Path stdout, String... command) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.redirectOutput(
                stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
        Process process = builder.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES))
                .as(List.of(command).toString())
                .isTrue();
        return process.exitValue();
    }

    @Test
    void everyPythonToolOnThePythonFixture() throws Exception {
        Path project = fixture("python-project");
        Path junit = work.resolve("junit.xml");
        Path coverage = work.resolve("coverage.xml");
        Path bandit = work.resolve("bandit.json");
        Path pylint = work.resolve("pylint.json");

        assertThat(run(
                        project,
                        null,
                        "/usr/bin/python3",
                        "-m",
                        "pytest",
                        "-q",
                        "-p",
                        "no:cacheprovider",
                        "--junitxml=" + junit,
                        "--cov=.",
                        "--cov-branch",
                        "--cov-report=xml:" + coverage))
                .as("pytest exits 1: one test fails")
                .isEqualTo(1);
        assertThat(run(project, null, "bandit", "-q", "-f", "json", "-o", bandit.toString(), "-r", "."))
                .isEqualTo(1);
        run(project, pylint, "pylint", "--output-format=json", "calc.py", "test_calc.py");
        Path flake8 = work.resolve("flake8.txt");
        assertThat(run(
                        project,
                        null,
                        "flake8",
                        "--format=" + Flake8Parser.FORMAT,
                        "--output-file=" + flake8,
                        "--exit-zero",
                        "."))
                .isZero();

        RecordedReportsTests.assertPytestJunit(junit);
        RecordedReportsTests.assertCoverage(coverage);
        RecordedReportsTests.assertBandit(bandit);
        RecordedReportsTests.assertPylint(pylint);
        RecordedReportsTests.assertFlake8(flake8);
    }

    @Test
    void jestWithItsReportersOnTheJavaScriptFixture() throws Exception {
        Path project = fixture("js-project");
        String modules = io.devopsparadise.testsupport.RepoPaths.nodeModules().toString();
        ProcessBuilder jest = new ProcessBuilder(
                        "node",
                        modules + "/jest/bin/jest.js",
                        "--ci",
                        "--rootDir",
                        project.toString(),
                        "--coverage",
                        "--coverageReporters=cobertura",
                        "--coverageDirectory=" + work,
                        "--reporters=default",
                        "--reporters=" + modules + "/jest-junit")
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        jest.environment().put("JEST_JUNIT_OUTPUT_DIR", work.toString());
        jest.environment().put("JEST_JUNIT_OUTPUT_NAME", "jest-junit.xml");
        Process process = jest.start();

        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("jest exits 1: one test fails").isEqualTo(1);
        RecordedReportsTests.assertJest(work.resolve("jest-junit.xml"), work.resolve("cobertura-coverage.xml"));
    }

    @Test
    void eslintWithTheSarifFormatterOnTheJavaScriptFixture() throws Exception {
        Path project = fixture("js-project");
        String modules = io.devopsparadise.testsupport.RepoPaths.nodeModules().toString();
        Path sarif = work.resolve("eslint.sarif");

        assertThat(run(
                        project,
                        null,
                        "node",
                        modules + "/eslint/bin/eslint.js",
                        "--format",
                        modules + "/@microsoft/eslint-formatter-sarif/sarif.js",
                        "--output-file",
                        sarif.toString(),
                        "."))
                .as("eslint exits 1: one error")
                .isEqualTo(1);

        RecordedReportsTests.assertEslint(sarif, project.toUri().toString());
    }

    @Test
    void mavenTestWithJacocoOnTheJavaFixture() throws Exception {
        Path project = fixture("java-project");

        assertThat(run(
                        project,
                        null,
                        "mvn",
                        "-B",
                        "-q",
                        "--no-transfer-progress",
                        "-Dmaven.test.failure.ignore=true",
                        "org.jacoco:jacoco-maven-plugin:0.8.15:prepare-agent",
                        "test",
                        "org.jacoco:jacoco-maven-plugin:0.8.15:report"))
                .as("test failures are reported, not fatal")
                .isZero();

        RecordedReportsTests.assertSurefire(project.resolve("target/surefire-reports/TEST-shop.DiscountTest.xml"));
        RecordedReportsTests.assertJacoco(project.resolve("target/site/jacoco/jacoco.xml"));
    }

    /** npm audit is real; the registry's advisory database is not reachable here, so a stand-in serves the advisories. */
    @Test
    void npmAuditOnTheAuditFixture() throws Exception {
        Path project = fixture("audit-project");
        Path report = work.resolve("npm-audit.json");

        try (AuditEndpoint advisories =
                AuditEndpoint.start(Path.of("src/test/resources/fixtures/audit-project-advisories.json")
                        .toAbsolutePath())) {
            assertThat(run(
                            project,
                            report,
                            "npm",
                            "audit",
                            "--json",
                            "--registry",
                            advisories.registry().toString()))
                    .as("npm audit exits 1: vulnerabilities found")
                    .isEqualTo(1);
        }

        RecordedReportsTests.assertNpmAudit(report);
    }

    @Test
    void shellcheckOnTheShellFixture() throws Exception {
        Path project = fixture("shell-project");
        Path report = work.resolve("shellcheck.json");

        assertThat(run(project, report, "shellcheck", "-f", "json1", "deploy.sh"))
                .isEqualTo(1);

        RecordedReportsTests.assertShellcheck(report);
    }
}
