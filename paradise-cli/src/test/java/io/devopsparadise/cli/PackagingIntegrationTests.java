package io.devopsparadise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.testsupport.RepoPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Docker packaging, as far as this machine can check it: service images cannot be built here (no registry for
 * the base image), so the compose file is validated by Debian's docker-compose and the Dockerfiles are checked
 * against the modules they package.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class PackagingIntegrationTests {

    private static final Path DOCKER = RepoPaths.root().resolve("docker");
    private static final List<String> SERVICES =
            List.of("instance-manager", "quality-orchestrator", "report-service", "dashboard-ui", "bridge-gateway");

    private record Result(int exit, String output) {}

    private static Result composeConfig(String paradiseHome) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        "docker-compose",
                        "-f",
                        DOCKER.resolve("devops-paradise-compose.yml").toString(),
                        "config")
                .redirectErrorStream(true);
        builder.environment().remove("PARADISE_HOME");
        if (paradiseHome != null) {
            builder.environment().put("PARADISE_HOME", paradiseHome);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), output);
    }

    @Test
    void theComposeFileWiresEveryService() throws Exception {
        Result config = composeConfig("/srv/paradise");

        assertThat(config.exit()).as(config.output()).isZero();
        JsonNode services =
                YAMLMapper.builder().build().readTree(config.output()).path("services");
        assertThat(services.propertyNames()).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (String name : SERVICES) {
            JsonNode service = services.path(name);
            assertThat(service.path("healthcheck").path("test").toString())
                    .as(name)
                    .contains("/actuator/health");
            assertThat(service.path("build").path("dockerfile").asString()).isEqualTo("docker/" + name + "/Dockerfile");
            assertThat(service.path("volumes").toString()).as(name).contains("/srv/paradise:/var/lib/paradise");
            assertThat(service.path("environment")
                            .path("PARADISE_SERVICES_BIND_ADDRESS")
                            .asString())
                    .as("exec and results stay on loopback")
                    .isEqualTo("127.0.0.1");
            assertThat(service.path("environment")
                            .path("PARADISE_GATEWAY_BIND_ADDRESS")
                            .asString())
                    .isEqualTo("127.0.0.1");
        }
        assertThat(services.path("instance-manager").path("volumes").toString())
                .contains("/var/run/docker.sock:/var/run/docker.sock");
        assertThat(services.path("bridge-gateway")
                        .path("depends_on")
                        .path("instance-manager")
                        .path("condition")
                        .asString())
                .isEqualTo("service_healthy");
    }

    @Test
    void withoutADataDirectoryComposeSaysWhatToSet() throws Exception {
        Result config = composeConfig(null);

        assertThat(config.exit()).isNotZero();
        assertThat(config.output()).contains("set PARADISE_HOME to the data directory");
    }

    @ParameterizedTest
    @CsvSource({
        "instance-manager,8110",
        "quality-orchestrator,8120",
        "report-service,8130",
        "dashboard-ui,8140",
        "bridge-gateway,8100"
    })
    void eachServiceHasADockerfilePackagingItsJarOnItsPort(String service, int port) throws Exception {
        String dockerfile = Files.readString(DOCKER.resolve(service).resolve("Dockerfile"));
        String defaults =
                Files.readString(RepoPaths.root().resolve(service).resolve("src/main/resources/application.yml"));

        assertThat(dockerfile)
                .contains("COPY " + service + "/target/" + service + ".jar /app/app.jar")
                .contains("EXPOSE " + port)
                .contains("http://127.0.0.1:" + port + "/actuator/health")
                .contains("USER paradise");
        assertThat(defaults).contains(":" + port + "}");
    }
}
