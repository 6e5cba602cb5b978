package io.devopsparadise.quality.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Truncated, empty, foreign and hostile reports: each a clear error that names the file. */
class BrokenReportsTests {

    @TempDir
    Path dir;

    private Path truncated(String recording, String name) throws Exception {
        String text = Files.readString(RecordedReportsTests.recorded(recording));
        return Files.writeString(dir.resolve(name), text.substring(0, text.length() / 2));
    }

    @Test
    void truncatedReportsNameTheFile() throws Exception {
        Path junit = truncated("pytest-junit.xml", "junit.xml");
        Path bandit = truncated("bandit.json", "bandit.json");

        assertThatThrownBy(() -> new JunitXmlParser().parse(junit))
                .isInstanceOf(ReportParseException.class)
                .hasMessageContaining("JUnit XML report " + junit)
                .hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> new BanditJsonParser().parse(bandit))
                .isInstanceOf(ReportParseException.class)
                .hasMessageContaining("Bandit JSON report " + bandit)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void anEmptyReportSaysSo() throws Exception {
        Path empty = Files.writeString(dir.resolve("pylint.json"), "");

        assertThatThrownBy(() -> new PylintJsonParser().parse(empty)).hasMessageContaining("the file is empty");
    }

    @Test
    void aForeignCoverageReportSaysItsRootIsNotCoberturas() throws Exception {
        Path foreign = Files.writeString(dir.resolve("coverage.xml"), "<report><counter/></report>");

        assertThatThrownBy(() -> new CoberturaParser().parse(foreign))
                .hasMessageContaining("the root element is not <coverage>");
    }

    @Test
    void aReportWithoutItsMainFieldNamesTheField() throws Exception {
        Path noComments = Files.writeString(dir.resolve("shellcheck.json"), "{\"other\":[]}");

        assertThatThrownBy(() -> new ShellcheckJsonParser().parse(noComments))
                .hasMessageContaining("the field \"comments\" is missing");
    }

    @Test
    void aMissingReportCannotBeRead() {
        assertThatThrownBy(() -> new JunitXmlParser().parse(dir.resolve("absent.xml")))
                .hasMessageContaining("cannot be read");
    }

    @Test
    void aGarbledFlake8LineIsPointedOut() throws Exception {
        Path garbled = Files.writeString(dir.resolve("flake8.txt"), "./a.py::1::1::E501::ok\nnot a finding\n");

        assertThatThrownBy(() -> new Flake8Parser().parse(garbled))
                .hasMessageContaining("flake8 report " + garbled)
                .hasMessageContaining("line 2");
    }

    @Test
    void aTruncatedJacocoReportNamesTheFile() throws Exception {
        Path jacoco = truncated("jacoco.xml", "jacoco.xml");

        assertThatThrownBy(() -> new JacocoXmlParser().parse(jacoco))
                .hasMessageContaining("JaCoCo XML report " + jacoco)
                .hasMessageContaining("not well-formed");
    }

    @Test
    void aCoberturaReportReadAsJacocoSaysItsRootIsNotJacocos() throws Exception {
        Path cobertura = Files.copy(RecordedReportsTests.recorded("pytest-coverage.xml"), dir.resolve("cobertura.xml"));

        assertThatThrownBy(() -> new JacocoXmlParser().parse(cobertura))
                .hasMessageContaining("the root element is not <report>");
    }

    @Test
    void aTruncatedNpmAuditReportNamesTheFile() throws Exception {
        Path audit = truncated("npm-audit.json", "npm-audit.json");

        assertThatThrownBy(() -> new NpmAuditJsonParser().parse(audit, "package-lock.json"))
                .hasMessageContaining("npm audit JSON report " + audit);
    }

    @Test
    void anNpm6AuditReportNamesTheVersionItNeeds() throws Exception {
        Path oldAudit = Files.writeString(dir.resolve("npm6-audit.json"), "{\"advisories\":{},\"metadata\":{}}");

        assertThatThrownBy(() -> new NpmAuditJsonParser().parse(oldAudit, "package-lock.json"))
                .hasMessageContaining("expected 2 (npm 7 or newer)");
    }

    @Test
    void aTruncatedLighthouseReportNamesTheFile() throws Exception {
        Path lighthouse = truncated("lighthouse.json", "lighthouse.json");

        assertThatThrownBy(() -> new LighthouseJsonParser().parse(lighthouse))
                .hasMessageContaining("Lighthouse JSON report " + lighthouse);
    }

    @Test
    void externalEntitiesAreNeverResolved() throws Exception {
        Path hostile = Files.writeString(
                dir.resolve("evil.xml"),
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                        + "<testsuites><testsuite name=\"s\"><testcase classname=\"c\" name=\"n\"><failure>&e;</failure></testcase></testsuite></testsuites>");

        String leaked;
        try {
            leaked = String.valueOf(new JunitXmlParser().parse(hostile));
        } catch (ReportParseException refused) {
            leaked = refused.getMessage();
        }
        assertThat(leaked).doesNotContain("root:");
    }

    @Test
    void aBrokenReportIsNeverEchoedToTheLog() throws Exception {
        Path broken = Files.writeString(dir.resolve("junit.xml"), "<testsuite><secret-token-3f9a></testsuite>");
        Path json = Files.writeString(dir.resolve("pylint.json"), "[{\"type\": secret-token-3f9a}]");
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(printed, true));
        try {
            assertThatThrownBy(() -> new JunitXmlParser().parse(broken))
                    .isInstanceOf(ReportParseException.class)
                    .hasMessageNotContaining("secret-token")
                    .hasNoCause();
            assertThatThrownBy(() -> new PylintJsonParser().parse(json))
                    .isInstanceOf(ReportParseException.class)
                    .hasMessageNotContaining("secret-token")
                    .hasNoCause();
        } finally {
            System.setErr(stderr);
        }
        assertThat(printed.toString()).doesNotContain("secret-token");
    }
}
