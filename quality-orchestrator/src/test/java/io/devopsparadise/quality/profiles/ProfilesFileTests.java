package io.devopsparadise.quality.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopsparadise.contracts.quality.ToolCategory;
import io.devopsparadise.quality.QualityOrchestratorApplication;
import io.devopsparadise.testsupport.InProcessApps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** $PARADISE_HOME/quality-profiles.yml holds profiles and nothing else: it is parsed as profiles, never imported as configuration. */
class ProfilesFileTests {

    @TempDir
    Path home;

    @Test
    void aProfilesFileCannotSetTheOrchestratorsConfiguration() throws Exception {
        Files.writeString(home.resolve("quality-profiles.yml"), """
                paradise:
                  quality:
                    instance-manager-url: http://attacker.example:8110
                    profiles:
                      nightly:
                        categories: [unit]
                """);

        assertThatThrownBy(() -> start().close())
                .hasStackTraceContaining("quality profiles file " + home.resolve("quality-profiles.yml")
                        + ": paradise.quality.instance-manager-url: not a profile setting");
    }

    @Test
    void aProfilesFileCannotImportOtherConfiguration() throws Exception {
        Path imported = Files.writeString(
                home.resolve("more.yml"), "paradise.quality.instance-manager-url: http://attacker.example:8110\n");
        Files.writeString(
                home.resolve("quality-profiles.yml"),
                "spring.config.import: file:" + imported + "\n"
                        + "paradise.quality.profiles.nightly.categories: [unit]\n");

        assertThatThrownBy(() -> start().close())
                .hasStackTraceContaining("spring.config.import: not a profile setting");
    }

    @Test
    void theProfilesOfTheFileAreAddedToTheBuiltInOnes() throws Exception {
        Files.writeString(home.resolve("quality-profiles.yml"), """
                paradise:
                  quality:
                    profiles:
                      nightly:
                        categories: [unit, lint]
                        tool-timeout: 90s
                """);

        try (ConfigurableApplicationContext orchestrator = start()) {
            QualityProfiles profiles = orchestrator.getBean(QualityProfiles.class);
            QualityProfile nightly = profiles.get("nightly");
            assertThat(nightly.categories()).containsExactlyInAnyOrder(ToolCategory.UNIT, ToolCategory.LINT);
            assertThat(nightly.toolTimeout()).isEqualTo(Duration.ofSeconds(90));
            assertThat(profiles.get("standard").categories()).contains(ToolCategory.SECURITY);
        }
    }

    @Test
    void aBrokenSettingIsNamedWithTheFile() throws Exception {
        Files.writeString(
                home.resolve("quality-profiles.yml"),
                "paradise.quality.profiles.nightly:\n  categories: [unit]\n  tool-timeout: soon\n");

        assertThatThrownBy(() -> ProfilesFile.read(home.resolve("quality-profiles.yml")))
                .isInstanceOf(InvalidProfilesFileException.class)
                .hasMessageContaining("quality profiles file " + home.resolve("quality-profiles.yml")
                        + ": paradise.quality.profiles.nightly")
                .hasMessageContaining("paradise-cli validate-profiles");
    }

    @Test
    void placeholdersInTheFileAreTextNeverResolved() throws Exception {
        Files.writeString(
                home.resolve("quality-profiles.yml"),
                "paradise.quality.profiles.nightly.categories: [\"${java.home}\"]\n");

        assertThatThrownBy(() -> new QualityProfiles(new QualityProperties(
                        null,
                        Duration.ofDays(7),
                        null,
                        null,
                        null,
                        "python3",
                        "/workspace",
                        null,
                        "/app/node_modules",
                        "chromium",
                        "mvn",
                        null,
                        null,
                        2,
                        2,
                        32,
                        org.springframework.util.unit.DataSize.ofMegabytes(64),
                        home.resolve("quality-profiles.yml"),
                        java.util.Map.of(),
                        null,
                        Duration.ofSeconds(5))))
                .hasMessageContaining("unknown category '${java.home}'");
    }

    private ConfigurableApplicationContext start() {
        return InProcessApps.builder(QualityOrchestratorApplication.class)
                .run(List.of(
                                "--server.port=0",
                                "--spring.main.banner-mode=off",
                                "--paradise.quality.home=" + home,
                                "--spring.flyway.enabled=true")
                        .toArray(String[]::new));
    }
}
