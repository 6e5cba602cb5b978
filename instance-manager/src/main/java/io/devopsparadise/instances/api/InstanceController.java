package io.devopsparadise.instances.api;

import io.devopsparadise.contracts.instances.InstanceView;
import io.devopsparadise.contracts.instances.ProvisionRequest;
import io.devopsparadise.instances.lifecycle.Instance;
import io.devopsparadise.instances.lifecycle.InstanceService;
import io.devopsparadise.instances.profiles.BackendProfiles;
import io.devopsparadise.instances.runtime.InstanceRuntimes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "instances", description = "One dedicated MCP server instance per client")
class InstanceController {

    private static final int MAX_WAIT_SECONDS = 300;

    private final InstanceService instances;
    private final BackendProfiles profiles;
    private final InstanceRuntimes runtimes;
    private final Clock clock;

    InstanceController(InstanceService instances, BackendProfiles profiles, InstanceRuntimes runtimes, Clock clock) {
        this.instances = instances;
        this.profiles = profiles;
        this.runtimes = runtimes;
        this.clock = clock;
    }

    @PostMapping("/instances")
    @Operation(
            summary = "Provision an instance for a client",
            description =
                    "Answers 201 once the engine started it (state STARTING), or once it is HEALTHY when waitSeconds is given.")
    ResponseEntity<InstanceView> provision(
            @RequestBody ProvisionRequest request,
            @Parameter(description = "wait up to this long for HEALTHY (0-300)") @RequestParam(defaultValue = "0")
                    int waitSeconds) {
        if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
            throw new io.devopsparadise.instances.lifecycle.InvalidRequestException(
                    "waitSeconds must be between 0 and " + MAX_WAIT_SECONDS);
        }
        Instance instance = instances.provision(request);
        if (waitSeconds > 0) {
            instance = instances.awaitHealthy(instance.id(), Duration.ofSeconds(waitSeconds));
        }
        return ResponseEntity.created(URI.create("/api/instances/" + instance.id()))
                .body(view(instance));
    }

    @GetMapping("/instances")
    @Operation(summary = "List instances, optionally those of one client")
    List<InstanceView> list(@RequestParam(required = false) String clientId) {
        return instances.list().stream()
                .filter(instance -> clientId == null || instance.clientId().equals(clientId))
                .map(this::view)
                .toList();
    }

    @GetMapping("/instances/{id}")
    @Operation(summary = "One instance: state, engine, ports, health, uptime, restarts, last activity")
    InstanceView get(@PathVariable String id) {
        return view(instances.get(id));
    }

    @PostMapping("/instances/{id}/activity")
    @Operation(summary = "Record client activity (keeps the instance from being reaped as idle)")
    InstanceView activity(@PathVariable String id) {
        return view(instances.recordActivity(id));
    }

    @DeleteMapping("/instances/{id}")
    @Operation(summary = "Delete an instance: stop and remove it, release its ports")
    ResponseEntity<Void> delete(@PathVariable String id) {
        instances.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/profiles")
    @Operation(summary = "The configured backend profiles")
    Map<String, ProfileView> profiles() {
        var views = new java.util.TreeMap<String, ProfileView>();
        profiles.all()
                .forEach((name, p) -> views.put(
                        name,
                        new ProfileView(
                                p.engine().name().toLowerCase(),
                                p.image(),
                                p.command(),
                                p.portNames(),
                                p.healthCheck().describe())));
        return views;
    }

    record ProfileView(String engine, String image, List<String> command, List<String> ports, String healthCheck) {}

    private InstanceView view(Instance instance) {
        return instance.toView(clock.instant(), runtimes.of(instance.engine()).isolation());
    }
}
