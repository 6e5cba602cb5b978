package io.devopsparadise.gateway.clients;

import io.devopsparadise.contracts.instances.InstanceView;
import io.devopsparadise.gateway.GatewayProperties;
import io.devopsparadise.gateway.instances.ClientInstances;
import io.devopsparadise.gateway.instances.InstanceManagerClient;
import io.devopsparadise.gateway.mcp.ClientSessions;
import io.devopsparadise.gateway.resilience.InstanceResilience;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
@RequestMapping("/api/clients")
@Tag(
        name = "clients",
        description =
                "Register MCP clients and manage their tokens (admin token required, except a client's own status)")
class ClientController {

    static final String TOKEN_VARIABLE = "DEVOPS_PARADISE_TOKEN";

    private final ClientRegistry registry;
    private final AdminToken admin;
    private final InstanceManagerClient manager;
    private final ClientInstances instances;
    private final ClientSessions sessions;
    private final InstanceResilience resilience;
    private final GatewayProperties properties;

    ClientController(
            ClientRegistry registry,
            AdminToken admin,
            InstanceManagerClient manager,
            ClientInstances instances,
            ClientSessions sessions,
            InstanceResilience resilience,
            GatewayProperties properties) {
        this.registry = registry;
        this.admin = admin;
        this.manager = manager;
        this.instances = instances;
        this.sessions = sessions;
        this.resilience = resilience;
        this.properties = properties;
    }

    /**
     * @param memory container memory limit of the client's instance (512MB, 2GB); the backend profile's when absent
     * @param cpus   container CPU limit of the client's instance, in cores; the backend profile's when absent
     */
    record RegisterRequest(
            String name, String workspace, String backendProfile, String qualityProfile, String memory, Double cpus) {}

    /**
     * @param token     shown once; only its hash is kept
     * @param mcpConfig ready to paste into Claude Code's configuration; the token comes from the environment variable
     */
    record Registered(
            ClientView client, String token, String mcpUrl, Map<String, Object> mcpConfig, List<String> claudeMcpAdd) {}

    record ClientView(
            String id,
            String name,
            String workspace,
            String backendProfile,
            String qualityProfile,
            java.time.Instant createdAt,
            java.time.Instant tokenRotatedAt,
            InstanceLimits limits) {
        static ClientView of(Client c) {
            return new ClientView(
                    c.id(),
                    c.name(),
                    c.workspace(),
                    c.backendProfile(),
                    c.qualityProfile(),
                    c.createdAt(),
                    c.tokenRotatedAt(),
                    c.limits());
        }
    }

    record ClientStatus(ClientView client, InstanceView instance, long openSessions) {}

    @PostMapping
    @Operation(summary = "Register a client; answers its token (shown once) and its MCP configuration for Claude Code")
    Mono<ResponseEntity<Registered>> register(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody RegisterRequest request) {
        requireAdmin(authorization);
        registry.checkNew(request.name());
        return manager.checkWorkspace(request.workspace())
                .flatMap(workspace -> blocking(() -> registry.register(
                        request.name(),
                        workspace,
                        request.backendProfile(),
                        request.qualityProfile(),
                        InstanceLimits.of(request.memory(), request.cpus()))))
                .map(registration -> ResponseEntity.created(URI.create(
                                "/api/clients/" + registration.client().id()))
                        .body(registered(registration)));
    }

    @GetMapping
    @Operation(summary = "List registered clients")
    List<ClientView> list(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        requireAdmin(authorization);
        return registry.all().stream().map(ClientView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A client's status: its instance (state, ports, health, last activity) and open sessions")
    Mono<ClientStatus> status(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable String id) {
        requireAdminOrOwner(authorization, id);
        Client client = registry.find(id).orElseThrow(() -> new ClientNotFoundException(id));
        return manager.findByClient(id)
                .map(view -> new ClientStatus(ClientView.of(client), view, sessions.openOf(id)))
                .defaultIfEmpty(new ClientStatus(ClientView.of(client), null, sessions.openOf(id)));
    }

    @PostMapping("/{id}/token")
    @Operation(summary = "Issue a new token; the old one stops working at once")
    Mono<Registered> rotate(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable String id) {
        requireAdmin(authorization);
        return blocking(() -> registry.rotateToken(id)).map(this::registered);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a client, its sessions and its instance")
    Mono<ResponseEntity<Void>> delete(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable String id) {
        requireAdmin(authorization);
        return blocking(() -> registry.remove(id))
                .flatMap(client -> {
                    sessions.forget(id);
                    instances.forget(id);
                    resilience.forget(id);
                    return manager.findByClient(id)
                            .flatMap(view -> manager.delete(view.id()))
                            .then();
                })
                .thenReturn(ResponseEntity.noContent().build());
    }

    @DeleteMapping("/{id}/sessions")
    @Operation(
            summary =
                    "End all of a client's MCP sessions (admin or the client's own token), e.g. when it reached max-sessions-per-client")
    ResponseEntity<Void> endSessions(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable String id) {
        requireAdminOrOwner(authorization, id);
        Client client = registry.find(id).orElseThrow(() -> new ClientNotFoundException(id));
        sessions.endAll(client);
        return ResponseEntity.noContent().build();
    }

    private Registered registered(ClientRegistry.Registration registration) {
        String url = properties.publicUrl().resolve("/mcp").toString();
        Map<String, Object> config = Map.of(
                "type", "http", "url", url, "headers", Map.of("Authorization", "Bearer ${" + TOKEN_VARIABLE + "}"));
        List<String> add = List.of(
                "claude",
                "mcp",
                "add",
                "--transport",
                "http",
                "devops-paradise",
                url,
                "--header",
                "Authorization: Bearer ${" + TOKEN_VARIABLE + "}",
                "-s",
                "user");
        return new Registered(ClientView.of(registration.client()), registration.token(), url, config, add);
    }

    private void requireAdmin(String authorization) {
        if (authorization == null) {
            throw new UnauthenticatedException("send Authorization: Bearer <admin token> (see "
                    + properties.home().resolve("admin-token") + ")");
        }
        if (!admin.matches(bearer(authorization))) {
            throw new AccessDeniedException("this endpoint needs the admin token");
        }
    }

    /**
     * The admin token, or the client's own token. Checked before the client is looked up, so that a caller without
     * the right token gets the same answer for a name that exists and one that does not.
     */
    private void requireAdminOrOwner(String authorization, String id) {
        String token = bearer(authorization);
        if (token.isEmpty()) {
            throw new UnauthenticatedException("send Authorization: Bearer <admin token or this client's own token>");
        }
        if (admin.matches(token)) {
            return;
        }
        Client caller = registry.authenticate(token)
                .orElseThrow(() -> new UnauthenticatedException(
                        "unknown or revoked token; send the admin token or this client's own token"));
        if (!caller.id().equals(id)) {
            throw new AccessDeniedException("the admin token or this client's own token is required");
        }
    }

    private static String bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip()
                : "";
    }

    private static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }
}
