package io.devopsparadise.quality.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.devopsparadise.contracts.quality.CoverageResult;
import io.devopsparadise.contracts.quality.FileCoverage;
import io.devopsparadise.contracts.quality.Finding;
import io.devopsparadise.contracts.quality.PerformanceResult;
import io.devopsparadise.contracts.quality.Severity;
import io.devopsparadise.contracts.quality.TestCaseResult;
import io.devopsparadise.contracts.quality.TestStatus;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Reports recorded by running the real tools (Debian's pytest, coverage.py, bandit, pylint, shellcheck, Maven with
 * Surefire and JaCoCo; npm's jest, ESLint, npm audit, Newman, Playwright, Lighthouse in Debian's Chromium) on the
 * fixtures, with src/test/resources/recorded/record.sh. The expected counts are the fixtures' known contents.
 */
class RecordedReportsTests {

    static Path recorded(String name) {
        try {
            return Path.of(
                    RecordedReportsTests.class.getResource("/recorded/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing recording " + name, e);
        }
    }

    @Test
    void pytestJunitXmlHasFourPassedOneFailedOneSkipped() {
        assertPytestJunit(recorded("pytest-junit.xml"));
    }

    /** Surefire 3.5.3 with -Dsurefire.rerunFailingTestsCount=2 on a test that fails its first run only (a flakyFailure). */
    @Test
    void surefiresFlakyFailureIsAFlakyTestWithItsFirstFailure() {
        List<TestCaseResult> tests = new JunitXmlParser().parse(recorded("surefire-flaky.xml"));

        assertThat(tests)
                .extracting(TestCaseResult::name, TestCaseResult::status)
                .containsExactly(tuple("always", TestStatus.PASSED), tuple("sometimes", TestStatus.FLAKY));
        assertThat(tests.get(1).failureMessage()).startsWith("the first run fails");
        assertThat(tests.get(1).failing()).isFalse();
    }

    @Test
    void coveragePyCoberturaMatchesItsOwnTotals() {
        assertCoverage(recorded("pytest-coverage.xml"));
    }

    @Test
    void banditFindsTheShellInjectionTheEvalAndTheAsserts() {
        assertBandit(recorded("bandit.json"));
    }

    @Test
    void pylintReportsOneWarningEighteenConventions() {
        assertPylint(recorded("pylint.json"));
    }

    @Test
    void shellcheckReportsFiveComments() {
        assertShellcheck(recorded("shellcheck.json"));
    }

    @Test
    void jestJunitHasTwoPassedOneFailedOneSkipped() {
        assertJestJunit(recorded("jest-junit.xml"));
    }

    @Test
    void istanbulsCoberturaCoversTheCart() {
        assertIstanbulCobertura(recorded("jest-coverage.xml"));
    }

    @Test
    void eslintSarifHasTheLegacyFilesThreeProblemsRelativeToTheWorkspace() {
        assertEslint(recorded("eslint.sarif"), "file:///workspace/");
    }

    static void assertEslint(Path sarif, String workspaceUri) {
        List<Finding> findings = new SarifParser().parse(sarif, workspaceUri);
        assertThat(findings).extracting(Finding::rule).containsExactly("no-var", "no-unused-vars", "eqeqeq");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.tool()).isEqualTo("eslint");
            assertThat(f.file()).isEqualTo("legacy.js");
        });
        assertThat(bySeverity(findings))
                .containsExactlyInAnyOrderEntriesOf(Map.of(Severity.HIGH, 1L, Severity.MEDIUM, 2L));
    }

    @Test
    void flake8FindsTheLongLine() {
        assertFlake8(recorded("flake8.txt"));
    }

    static void assertFlake8(Path report) {
        assertThat(new Flake8Parser().parse(report))
                .containsExactly(new Finding(
                        "flake8", "E501", Severity.LOW, "./calc.py", 1, "line too long (83 > 79 characters)"));
    }

    static void assertJest(Path junit, Path coverage) {
        assertJestJunit(junit);
        assertIstanbulCobertura(coverage);
    }

    static void assertJestJunit(Path junit) {
        List<TestCaseResult> cases = new JunitXmlParser().parse(junit);
        assertThat(cases.stream().collect(Collectors.groupingBy(TestCaseResult::status, Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(TestStatus.PASSED, 2L, TestStatus.FAILED, 1L, TestStatus.SKIPPED, 1L));
        assertThat(cases)
                .filteredOn(c -> c.status() == TestStatus.FAILED)
                .singleElement()
                .satisfies(c ->
                        assertThat(c.failureMessage()).contains("Expected: 31").contains("Received: 30"));
    }

    static void assertIstanbulCobertura(Path coverage) {
        assertThat(new CoberturaParser().parse(coverage).files())
                .containsExactly(new FileCoverage("cart.js", 6, 8, 3, 6));
    }

    static void assertPytestJunit(Path report) {
        List<TestCaseResult> cases = new JunitXmlParser().parse(report);

        assertThat(cases).hasSize(6);
        assertThat(cases.stream().collect(Collectors.groupingBy(TestCaseResult::status, Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(TestStatus.PASSED, 4L, TestStatus.FAILED, 1L, TestStatus.SKIPPED, 1L));
        TestCaseResult failed = cases.stream()
                .filter(c -> c.status() == TestStatus.FAILED)
                .findFirst()
                .orElseThrow();
        assertThat(failed.suite()).isEqualTo("test_calc");
        assertThat(failed.name()).isEqualTo("test_add_is_wrong");
        assertThat(failed.failureMessage()).contains("2 + 2 should be 5 in this fixture");
    }

    static void assertCoverage(Path report) {
        CoverageResult coverage = new CoberturaParser().parse(report);
        Map<String, FileCoverage> files =
                coverage.files().stream().collect(Collectors.toMap(FileCoverage::file, Function.identity()));

        assertThat(files).containsOnlyKeys("calc.py", "test_calc.py");
        assertThat(files.get("calc.py")).isEqualTo(new FileCoverage("calc.py", 12, 18, 3, 6));
        assertThat(coverage.linesCovered()).isEqualTo(27);
        assertThat(coverage.linesValid()).isEqualTo(34);
        assertThat(coverage.branchRate()).isEqualTo(0.7);
    }

    static void assertBandit(Path report) {
        List<Finding> findings = new BanditJsonParser().parse(report);

        assertThat(findings).hasSize(8);
        assertThat(bySeverity(findings))
                .containsExactlyInAnyOrderEntriesOf(Map.of(Severity.HIGH, 1L, Severity.MEDIUM, 1L, Severity.LOW, 6L));
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.rule()).startsWith("B602");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.file()).isEqualTo("./calc.py");
            assertThat(f.line()).isEqualTo(24);
        });
    }

    static void assertPylint(Path report) {
        List<Finding> findings = new PylintJsonParser().parse(report);

        assertThat(findings).hasSize(19);
        assertThat(bySeverity(findings))
                .containsExactlyInAnyOrderEntriesOf(Map.of(Severity.MEDIUM, 1L, Severity.LOW, 18L));
        assertThat(findings)
                .filteredOn(f -> f.severity() == Severity.MEDIUM)
                .singleElement()
                .satisfies(f -> assertThat(f.rule()).isEqualTo("W0123 eval-used"));
    }

    static void assertShellcheck(Path report) {
        List<Finding> findings = new ShellcheckJsonParser().parse(report);

        assertThat(findings)
                .extracting(Finding::rule)
                .containsExactly("SC2086", "SC2045", "SC2035", "SC2086", "SC2164");
        assertThat(bySeverity(findings))
                .containsExactlyInAnyOrderEntriesOf(Map.of(Severity.HIGH, 1L, Severity.MEDIUM, 1L, Severity.LOW, 3L));
    }

    @Test
    void surefireJunitOfTheMavenFixtureHasTwoPassedOneFailedOneSkipped() {
        assertSurefire(recorded("surefire-junit.xml"));
    }

    @Test
    void jacocoXmlOfTheMavenFixtureCoversTheDiscount() {
        assertJacoco(recorded("jacoco.xml"));
    }

    static void assertSurefire(Path report) {
        List<TestCaseResult> cases = new JunitXmlParser().parse(report);
        assertThat(byStatus(cases))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(TestStatus.PASSED, 2L, TestStatus.FAILED, 1L, TestStatus.SKIPPED, 1L));
        assertThat(cases)
                .filteredOn(c -> c.status() == TestStatus.FAILED)
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.suite()).isEqualTo("shop.DiscountTest");
                    assertThat(c.name()).isEqualTo("roundsHalfCentsUp");
                    assertThat(c.failureMessage()).contains("known bug: integer division rounds down");
                });
    }

    static void assertJacoco(Path report) {
        assertThat(new JacocoXmlParser().parse(report).files())
                .containsExactly(new FileCoverage("shop/Discount.java", 3, 6, 3, 6));
    }

    @Test
    void npmAuditFindsOneAdvisoryPerPackageAndAdvisory() {
        assertNpmAudit(recorded("npm-audit.json"));
    }

    static void assertNpmAudit(Path report) {
        List<Finding> findings = new NpmAuditJsonParser().parse(report, "package-lock.json");
        assertThat(findings)
                .extracting(Finding::rule)
                .containsExactlyInAnyOrder("GHSA-35jh-r3h4-6jhm", "GHSA-29mw-wpgm-hmr9", "GHSA-xvch-5gv4-984h");
        assertThat(bySeverity(findings))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(Severity.CRITICAL, 1L, Severity.HIGH, 1L, Severity.MEDIUM, 1L));
        assertThat(findings)
                .filteredOn(f -> f.severity() == Severity.CRITICAL)
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.file()).isEqualTo("package-lock.json");
                    assertThat(f.message()).startsWith("minimist@").contains("Prototype Pollution in minimist");
                });
        assertThat(new NpmAuditJsonParser().error(report)).isEmpty();
    }

    @Test
    void npmAuditThatReachedNoAdvisoryDatabaseIsAnErrorNotACleanAudit() {
        assertThat(new NpmAuditJsonParser().error(recorded("npm-audit-refused.json")))
                .hasValueSatisfying(error -> assertThat(error).contains("ECONNREFUSED"));
    }

    @Test
    void newmanJunitHasThreePassedOneFailedOnTheMissingOrdersEndpoint() {
        assertNewman(recorded("newman-junit.xml"));
    }

    static void assertNewman(Path report) {
        List<TestCaseResult> cases = new JunitXmlParser().parse(report);
        assertThat(byStatus(cases))
                .containsExactlyInAnyOrderEntriesOf(Map.of(TestStatus.PASSED, 3L, TestStatus.FAILED, 1L));
        assertThat(cases)
                .filteredOn(c -> c.status() == TestStatus.FAILED)
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.suite()).isEqualTo("Orders");
                    assertThat(c.failureMessage()).isEqualTo("expected response to have status code 200 but got 404");
                });
    }

    @Test
    void playwrightJunitHasTwoPassedOneFailedOnTheMissingCheckout() {
        assertPlaywright(recorded("playwright-junit.xml"));
    }

    static void assertPlaywright(Path report) {
        List<TestCaseResult> cases = new JunitXmlParser().parse(report);
        assertThat(byStatus(cases))
                .containsExactlyInAnyOrderEntriesOf(Map.of(TestStatus.PASSED, 2L, TestStatus.FAILED, 1L));
        assertThat(cases)
                .filteredOn(c -> c.status() == TestStatus.FAILED)
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.name()).isEqualTo("offers a checkout button");
                    assertThat(c.failureMessage()).contains("toBeVisible");
                });
    }

    @Test
    void lighthouseScoresTheShopPage() {
        PerformanceResult result = new LighthouseJsonParser().parse(recorded("lighthouse.json"));

        assertThat(result.url()).isEqualTo("http://127.0.0.1:48731/");
        assertThat(result.scores())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("performance", 1.0, "accessibility", 1.0, "best-practices", 0.96, "seo", 1.0));
    }

    @Test
    void lighthouseMeasuresTheLabMetricsOfTheShopPage() {
        PerformanceResult result = new LighthouseJsonParser().parse(recorded("lighthouse.json"));

        assertThat(result.metrics())
                .containsOnlyKeys(LighthouseJsonParser.METRICS)
                .containsEntry("total-blocking-time", 0.0)
                .hasEntrySatisfying(
                        "first-contentful-paint", millis -> assertThat(millis).isBetween(1.0, 10_000.0));
    }

    @Test
    void lighthouseThatLoadedThePageReportsNoRuntimeError() {
        assertThat(new LighthouseJsonParser().runtimeError(recorded("lighthouse.json")))
                .isEmpty();
    }

    @Test
    void lighthouseThatCouldNotLoadThePageSaysWhy() {
        Path report = recorded("lighthouse-unreachable.json");

        assertThat(new LighthouseJsonParser().runtimeError(report))
                .hasValueSatisfying(error -> assertThat(error).startsWith("CHROME_INTERSTITIAL_ERROR"));
        assertThat(new LighthouseJsonParser().parse(report).scores()).doesNotContainKey("performance");
    }

    private static Map<TestStatus, Long> byStatus(List<TestCaseResult> cases) {
        return cases.stream().collect(Collectors.groupingBy(TestCaseResult::status, Collectors.counting()));
    }

    private static Map<Severity, Long> bySeverity(List<Finding> findings) {
        return findings.stream().collect(Collectors.groupingBy(Finding::severity, Collectors.counting()));
    }
}
