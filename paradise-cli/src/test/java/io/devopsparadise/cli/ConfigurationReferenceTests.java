package io.devopsparadise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.testsupport.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * docs/configuration.md against the settings the services really have: the configuration metadata Spring Boot's
 * processor writes from the {@code @ConfigurationProperties} records at build time.
 */
class ConfigurationReferenceTests {

    /** The services, and service-security, whose settings every service has. */
    private static final List<String> SERVICES = List.of(
            "instance-manager",
            "bridge-gateway",
            "quality-orchestrator",
            "report-service",
            "dashboard-ui",
            "service-security");

    private static Set<String> settingsInCode() throws Exception {
        Set<String> names = new TreeSet<>();
        JsonMapper json = JsonMapper.builder().build();
        for (String service : SERVICES) {
            Path metadata = RepoPaths.root()
                    .resolve(service)
                    .resolve("target/classes/META-INF/spring-configuration-metadata.json");
            assertThat(metadata)
                    .as("build " + service + " first (its metadata is written at compile time)")
                    .exists();
            for (JsonNode property : json.readTree(Files.readString(metadata)).path("properties")) {
                String name = property.path("name").asString();
                if (name.startsWith("paradise.")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** setting → its default in the code (the record's {@code @DefaultValue}), as the metadata states it. */
    private static Map<String, String> defaultsInCode() throws Exception {
        Map<String, String> defaults = new TreeMap<>();
        JsonMapper json = JsonMapper.builder().build();
        for (String service : SERVICES) {
            Path metadata = RepoPaths.root()
                    .resolve(service)
                    .resolve("target/classes/META-INF/spring-configuration-metadata.json");
            for (JsonNode property : json.readTree(Files.readString(metadata)).path("properties")) {
                JsonNode value = property.path("defaultValue");
                if (property.path("name").asString().startsWith("paradise.")
                        && !value.isMissingNode()
                        && !value.isNull()) {
                    defaults.put(
                            property.path("name").asString(),
                            value.isArray()
                                    ? "["
                                            + String.join(
                                                    ", ",
                                                    value.valueStream()
                                                            .map(JsonNode::asString)
                                                            .toList()) + "]"
                                    : value.asString());
                }
            }
        }
        return defaults;
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
    void everySettingIsDocumented() throws Exception {
        Set<String> code = settingsInCode();

        assertThat(code).hasSizeGreaterThan(40);
        assertThat(settingsInDocs())
                .as("settings in the code but not in docs/configuration.md")
                .containsAll(code);
    }

    @Test
    void everyDocumentedSettingExists() throws Exception {
        assertThat(settingsInCode())
                .as("settings in docs/configuration.md that no service has")
                .containsAll(settingsInDocs());
    }

    @Test
    void everyDocumentedDefaultIsTheDefaultInTheCode() throws Exception {
        Map<String, String> documented = new TreeMap<>();
        Matcher row = Pattern.compile("^\\| `(paradise\\.[a-z.-]+)` \\|[^|]*\\|([^|]*)\\|", Pattern.MULTILINE)
                .matcher(Files.readString(RepoPaths.root().resolve("docs/configuration.md")));
        while (row.find()) {
            documented.put(row.group(1), row.group(2).strip().replace("`", ""));
        }
        List<String> disagree = new ArrayList<>();
        defaultsInCode().forEach((name, value) -> {
            if (documented.containsKey(name) && !documented.get(name).equals(value)) {
                disagree.add(
                        name + ": the code says " + value + ", docs/configuration.md says " + documented.get(name));
            }
        });

        assertThat(disagree).isEmpty();
    }

    /**
     * One source for each default: the record's. A service's application.yml that repeats it can only drift from it
     * (the gateway's backend-timeout did: 30 s in the record and the reference, 120 s in effect).
     */
    @Test
    void noServicesApplicationYmlRepeatsADefaultTheCodeAlreadyHas() throws Exception {
        Map<String, String> defaults = defaultsInCode();
        List<String> repeated = new ArrayList<>();
        for (String service : SERVICES.subList(0, SERVICES.size() - 1)) {
            Path file = RepoPaths.root().resolve(service).resolve("src/main/resources/application.yml");
            for (JsonNode document : YAMLMapper.builder()
                    .build()
                    .readValues(YAMLMapper.builder().build().createParser(file.toFile()), JsonNode.class)
                    .readAll()) {
                leaves(document, "", (name, value) -> {
                    if (defaults.containsKey(name) && !value.contains("${")) {
                        repeated.add(service + ": " + name + " = " + value + " (the code's default: "
                                + defaults.get(name) + ")");
                    }
                });
            }
        }

        assertThat(repeated).isEmpty();
    }

    private static void leaves(JsonNode node, String prefix, java.util.function.BiConsumer<String, String> visit) {
        if (node.isObject()) {
            node.properties()
                    .forEach(e ->
                            leaves(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), visit));
        } else if (node.isArray()) {
            visit.accept(
                    prefix,
                    "["
                            + String.join(
                                    ", ",
                                    node.valueStream().map(JsonNode::asString).toList()) + "]");
        } else {
            visit.accept(prefix, node.asString());
        }
    }
}
