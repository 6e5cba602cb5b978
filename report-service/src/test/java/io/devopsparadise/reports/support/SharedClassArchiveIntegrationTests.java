package io.devopsparadise.reports.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.testsupport.RepoPaths;
import io.devopsparadise.testsupport.ServiceProcess;
import io.devopsparadise.testsupport.SharedClassArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The test harness's fast launch of a service jar, on a copy of the report-service's own jar. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SharedClassArchiveIntegrationTests {

    private static final List<String> FLAGS = ServiceProcess.JVM_FLAGS;

    @TempDir
    Path temp;

    @Test
    void aServiceJarIsLaunchedExtractedWithAnArchiveItsJvmCanMap() throws Exception {
        Path jar = Files.copy(RepoPaths.serviceJar("report-service"), temp.resolve("report-service.jar"));

        List<String> launch = SharedClassArchive.launch(jar, FLAGS);

        assertThat(launch).hasSize(3);
        assertThat(launch.get(0)).startsWith("-XX:SharedArchiveFile=");
        assertThat(Path.of(launch.get(0).substring("-XX:SharedArchiveFile=".length())))
                .isNotEmptyFile();
        assertThat(launch.get(1)).isEqualTo("-jar");
        assertThat(Path.of(launch.get(2))).isNotEqualTo(jar).isRegularFile();
        // -Xshare:on refuses to start when the archive cannot be mapped, instead of running without it
        Path home = Files.createDirectories(temp.resolve("home"));
        List<String> command = new ArrayList<>(List.of("java", "-Xshare:on"));
        command.addAll(FLAGS);
        command.addAll(List.of("-Dspring.context.exit=onRefresh", "-Duser.home=" + home));
        command.addAll(launch);
        command.add("--server.port=0");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("start.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PARADISE_"));
        builder.environment().put("PARADISE_HOME", home.toString());
        Process start = builder.start();
        assertThat(start.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(start.exitValue())
                .as(Files.readString(temp.resolve("start.log")))
                .isZero();
    }

    @Test
    void aJarThatCannotBeExtractedIsLaunchedAsItIs() throws Exception {
        Path jar = Files.writeString(temp.resolve("not-a-jar.jar"), "not a jar");

        assertThat(SharedClassArchive.launch(jar, FLAGS)).containsExactly("-jar", jar.toString());
    }
}
