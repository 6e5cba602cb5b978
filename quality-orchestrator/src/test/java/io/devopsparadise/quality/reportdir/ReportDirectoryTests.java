package io.devopsparadise.quality.reportdir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ways the workspace's code can turn a report into a read of another file, on the real file system. */
class ReportDirectoryTests {

    @TempDir
    Path workspace;

    @TempDir
    Path platform;

    private ReportDirectory reports() {
        return ReportDirectory.create(workspace, "r1", platform.resolve("copies/r1"), 1024);
    }

    @Test
    void aReportIsCopiedIntoThePlatformsPrivateDirectory() throws Exception {
        ReportDirectory reports = reports();
        Files.writeString(workspace.resolve(".paradise/reports/r1/pylint.json"), "[]");

        Optional<Path> copy = reports.fetch("pylint.json");

        assertThat(copy)
                .hasValueSatisfying(
                        file -> assertThat(file).startsWith(platform).hasContent("[]"));
        assertThat(Files.getPosixFilePermissions(platform.resolve("copies/r1")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(copy.get())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(reports.fetch("absent.json")).isEmpty();
        reports.delete();
        assertThat(platform.resolve("copies/r1")).doesNotExist();
    }

    @Test
    void aReportHardLinkedToAPlatformFileIsNotRead() throws Exception {
        ReportDirectory reports = reports();
        Path secret = Files.writeString(workspace.resolve("secret"), "token");
        Files.createLink(workspace.resolve(".paradise/reports/r1/pylint.json"), secret);

        assertThatThrownBy(() -> reports.fetch("pylint.json"))
                .isInstanceOf(UnsafeReportException.class)
                .hasMessage("report pylint.json was replaced while it was read, or is linked elsewhere; not read");
    }

    @Test
    void aReportSwappedForANamedPipeDoesNotHangTheRun() throws Exception {
        ReportDirectory reports = reports();
        Path fifo = workspace.resolve(".paradise/reports/r1/pylint.json");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor())
                .isZero();

        assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> assertThatThrownBy(() -> reports.fetch("pylint.json"))
                        .isInstanceOf(UnsafeReportException.class)
                        .hasMessage("report pylint.json is not a regular file; not read"));
    }

    @Test
    void aDirectoryOnTheWayThatIsALinkIsNotFollowed() throws Exception {
        ReportDirectory reports = reports();
        Path outside = Files.createDirectories(platform.resolve("outside"));
        Files.writeString(outside.resolve("unit.xml"), "<testsuite/>");
        Files.createSymbolicLink(workspace.resolve(".paradise/reports/r1/sub"), outside);

        assertThatThrownBy(() -> reports.fetch("sub/unit.xml"))
                .isInstanceOf(UnsafeReportException.class)
                .hasMessage("report sub/unit.xml: sub is a symbolic link; not followed");
        assertThatThrownBy(() -> reports.fetch("../../../secret"))
                .isInstanceOf(UnsafeReportException.class)
                .hasMessageContaining("is not a plain relative name");
    }

    @Test
    void aReportsDirectoryReplacedByALinkIsNotCreatedThrough() throws Exception {
        Path elsewhere = Files.createDirectories(platform.resolve("elsewhere"));
        Files.createDirectories(workspace.resolve(".paradise"));
        Files.createSymbolicLink(workspace.resolve(".paradise/reports"), elsewhere);

        assertThatThrownBy(this::reports)
                .isInstanceOf(UnsafeReportException.class)
                .hasMessageContaining("reports is a symbolic link; not followed");
        try (var created = Files.list(elsewhere)) {
            assertThat(created).isEmpty();
        }
    }

    @Test
    void aReportOverTheLimitIsRefusedNamingTheSetting() throws Exception {
        ReportDirectory reports = reports();
        Files.writeString(workspace.resolve(".paradise/reports/r1/pylint.json"), "[" + " ".repeat(2000) + "]");

        assertThatThrownBy(() -> reports.fetch("pylint.json"))
                .hasMessage(
                        "report pylint.json is larger than 1024 bytes, the limit "
                                + "paradise.quality.max-report-size sets; not read (raise the setting if such a report is expected)");
        assertThatThrownBy(() -> reports.keep("shellcheck.json", "x".repeat(2000)))
                .hasMessageContaining("paradise.quality.max-report-size");
    }
}
