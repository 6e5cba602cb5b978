package io.devopsparadise.instances.support;

import io.devopsparadise.contracts.instances.InstanceView;
import io.devopsparadise.contracts.instances.ProvisionRequest;
import io.devopsparadise.instances.InstanceManagerApplication;
import io.devopsparadise.testsupport.InProcessApps;
import io.devopsparadise.testsupport.PortSlices;
import io.devopsparadise.testsupport.RepoPaths;
import io.devopsparadise.testsupport.ServiceCredential;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * A real instance-manager (Spring context, HTTP server on a random port, H2 file database under {@code home})
 * that a test can start, stop and start again on the same data directory.
 */
public final class ManagerContext implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final RestClient http;
    private final Path home;

    private ManagerContext(ConfigurableApplicationContext context, Path home) {
        this.context = context;
        this.home = home;
        this.http = RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port())
                .defaultHeader("Authorization", ServiceCredential.authorization())
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    public static ManagerContext start(Path home, Path workspaceRoot, String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "server.port=0",
                "spring.main.banner-mode=off",
                "paradise.instances.home=" + home,
                "paradise.instances.allowed-workspace-roots=" + workspaceRoot,
                "paradise.node-modules=" + RepoPaths.nodeModules(),
                "paradise.code-backend=" + RepoPaths.codeBackend(),
                "paradise.instances.health.interval=300ms",
                "paradise.instances.health.timeout=2s",
                "paradise.instances.restart.initial-backoff=200ms",
                "paradise.instances.reap-interval=500ms"));
        all.addAll(List.of(properties));
        PortSlices.forManager(home)
                .filter(slice -> all.stream().noneMatch(p -> p.startsWith("paradise.instances.port-")))
                .ifPresent(slice -> {
                    all.add("paradise.instances.port-from=" + slice.from());
                    all.add("paradise.instances.port-to=" + slice.to());
                    if (List.of(properties).stream()
                            .noneMatch(p -> p.startsWith("paradise.instances.health.timeout"))) {
                        // two test classes share the two cores: a probe may wait its turn longer
                        all.remove("paradise.instances.health.timeout=2s");
                        all.add("paradise.instances.health.timeout=10s");
                    }
                });
        // as command-line arguments, which outrank application.yml (builder properties would not)
        return new ManagerContext(
                InProcessApps.builder(InstanceManagerApplication.class)
                        .run(all.stream().map(property -> "--" + property).toArray(String[]::new)),
                home);
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public RestClient http() {
        return http;
    }

    /** Provisions and expects 201; anything else fails the test with the problem the manager answered. */
    public ResponseEntity<InstanceView> provision(String clientId, Path workspace, String profile, int waitSeconds) {
        return http.post()
                .uri("/api/instances?waitSeconds={w}", waitSeconds)
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ProvisionRequest(clientId, workspace.toString(), profile))
                .exchange((request, response) -> {
                    if (response.getStatusCode().value() != 201) {
                        throw new AssertionError("provisioning " + clientId + " answered " + response.getStatusCode()
                                + ": "
                                + new String(
                                        response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                    return ResponseEntity.status(201).body(response.bodyTo(InstanceView.class));
                });
    }

    public InstanceView provisionHealthy(String clientId, Path workspace, String profile) {
        return provision(clientId, workspace, profile, 60).getBody();
    }

    public InstanceView get(String id) {
        return http.get().uri("/api/instances/{id}", id).retrieve().body(InstanceView.class);
    }

    public List<InstanceView> list() {
        return http.get().uri("/api/instances").retrieve().body(new ParameterizedTypeReference<>() {});
    }

    public int delete(String id) {
        return http.delete()
                .uri("/api/instances/{id}", id)
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value();
    }

    public void deleteAll() {
        list().forEach(instance -> delete(instance.id()));
    }

    public ResponseEntity<Map<String, Object>> postJson(String path, String body) {
        return http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(new ParameterizedTypeReference<>() {});
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            PortSlices.release(home);
        }
    }
}
