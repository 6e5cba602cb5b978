package io.devopsparadise.instances.lifecycle;

import io.devopsparadise.contracts.instances.InstanceEvent;
import io.devopsparadise.instances.events.InstanceEventBus;
import io.devopsparadise.instances.ports.PortAllocator;
import io.devopsparadise.instances.profiles.UnknownProfileException;
import io.devopsparadise.instances.runtime.InstanceRuntime;
import io.devopsparadise.instances.runtime.InstanceRuntimes;
import io.devopsparadise.instances.runtime.ManagedUnit;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * At start-up, makes the database and the engines agree: instances still running are adopted, stored instances
 * that no longer run are dropped, containers of ours with no record are removed, and leases without a live
 * instance are released. The health monitor waits until this is done. It runs when this manager becomes the active
 * one ({@link Leadership}): at start, or when it takes over from another.
 */
@Component
class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final InstanceRegistry registry;
    private final InstanceRuntimes runtimes;
    private final PortAllocator ports;
    private final LaunchSpecs launchSpecs;
    private final Installation installation;
    private final InstanceEventBus events;
    private volatile boolean done;

    Reconciler(
            InstanceRegistry registry,
            InstanceRuntimes runtimes,
            PortAllocator ports,
            LaunchSpecs launchSpecs,
            Installation installation,
            InstanceEventBus events) {
        this.registry = registry;
        this.runtimes = runtimes;
        this.ports = ports;
        this.launchSpecs = launchSpecs;
        this.installation = installation;
        this.events = events;
    }

    void reconcile() {
        Set<String> live = new HashSet<>();
        registry.stored().forEach(stored -> {
            if (adopt(stored)) {
                live.add(stored.id());
            }
        });
        runtimes.all().stream().filter(InstanceRuntime::isAvailable).forEach(runtime -> removeOrphans(runtime, live));
        ports.holders().stream().filter(holder -> !live.contains(holder)).forEach(holder -> {
            log.info("releasing ports of vanished instance {}", holder);
            ports.release(holder);
        });
        done = true;
        log.info("reconciled: {} instance(s) adopted", live.size());
    }

    private boolean adopt(Instance stored) {
        try {
            InstanceRuntime runtime = runtimes.of(stored.engine());
            if (stored.handle() != null && runtime.isRunning(stored.handle())) {
                var leased = ports.leasesOf(stored.id());
                registry.put(stored.withPorts(leased, launchSpecs.mcpUrl(stored.profile(), leased)));
                events.publish(
                        InstanceEvent.Type.ADOPTED,
                        stored.id(),
                        stored.clientId(),
                        null,
                        stored.state(),
                        "still running after a manager restart; adopted");
                return true;
            }
            drop(stored, runtime, "no longer running after a manager restart");
        } catch (UnknownProfileException e) {
            drop(stored, runtimes.of(stored.engine()), "its profile is no longer configured");
        } catch (RuntimeException e) {
            log.warn("could not reconcile instance {} ({}): {}", stored.id(), stored.engine(), e.getMessage());
            registry.put(stored.withPorts(ports.leasesOf(stored.id()), null));
            return true;
        }
        return false;
    }

    private void drop(Instance stored, InstanceRuntime runtime, String why) {
        if (stored.handle() != null) {
            runtime.remove(stored.handle());
        }
        ports.release(stored.id());
        registry.remove(stored.id());
        events.publish(InstanceEvent.Type.DELETED, stored.id(), stored.clientId(), stored.state(), null, why);
    }

    private void removeOrphans(InstanceRuntime runtime, Set<String> live) {
        for (ManagedUnit unit : runtime.managedUnits(installation.id())) {
            if (!live.contains(unit.instanceId())) {
                log.info(
                        "removing orphaned {} unit {} of instance {}",
                        runtime.engine(),
                        unit.handle().ref(),
                        unit.instanceId());
                runtime.remove(unit.handle());
            }
        }
    }

    /** Whether the instances are this manager's to manage: reconciled, and not given up since. */
    boolean isDone() {
        return done;
    }

    /** This manager no longer manages the instances (it lost its leadership): health checks and reaping stop. */
    void giveUp() {
        done = false;
    }
}
