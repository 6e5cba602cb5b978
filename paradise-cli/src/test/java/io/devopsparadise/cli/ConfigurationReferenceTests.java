package io.devopsparadise.cli;

import io.devopsparadise.testsupport.RepoPaths;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md against the settings the services really have: the configuration metadata Spring Boot's
 * processor writes from the {@code @ConfigurationProperties} records at build time.
 */
class ConfigurationReferenceTests {

    /** The services, and service-security, whose settings every service has. */
    private static final List<String> SERVICES = List.of("instance-manager", "bridge-gateway", "quality-orchestrator", "report-service", "dashboard-ui",
            "service-security");

    private static Set<String> settingsInCode() throws Exception {
        Set<String> names = new TreeSet<>();
        JsonMapper json = JsonMapper.builder().build();
        for (String service : SERVICES) {
            Path metadata = RepoPaths.root().resolve(service).resolve("target/classes/META-INF/spring-configuration-metadata.json");
            assertThat(metadata).as("build " + service + " first (its metadata is written at compile time)").exists();
            for (JsonNode property : json.readTree(Files.readString(metadata)).path("properties")) {
                String name = property.path("name").asString();
                if (name.startsWith("paradise.")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static Set<String> settingsInDocs() throws Exception {
        Set<String> names = new TreeSet<>();
        Matcher matcher = Pattern.compile("^\\| `(paradise\\.[a-z.-]+)`", Pattern.MULTILINE)
                .matcher(Files.readString(RepoPaths.root().resolve("docs/configuration.md")));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @Test
    void everySettingIsDocumentedAndEveryDocumentedSettingExists() throws Exception {
        Set<String> code = settingsInCode();
        Set<String> docs = settingsInDocs();

        assertThat(code).hasSizeGreaterThan(40);
        assertThat(docs).as("settings in the code but not in docs/configuration.md").containsAll(code);
        assertThat(code).as("settings in docs/configuration.md that no service has").containsAll(docs);
    }
}
