package io.devopsparadise.instances.lifecycle;

import io.devopsparadise.contracts.instances.InstanceEvent;
import io.devopsparadise.instances.profiles.InstanceProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes instances whose client has shown no activity for the idle timeout. */
@Component
class IdleReaper {

    private final InstanceRegistry registry;
    /** A standby, or a manager that lost its leadership, reaps nothing. */
    private final Reconciler reconciler;

    private final InstanceService service;
    private final Duration idleTimeout;
    private final Clock clock;

    IdleReaper(
            InstanceRegistry registry,
            InstanceService service,
            InstanceProperties properties,
            Reconciler reconciler,
            Clock clock) {
        this.registry = registry;
        this.reconciler = reconciler;
        this.service = service;
        this.idleTimeout = properties.idleTimeout();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${paradise.instances.reap-interval:30s}")
    void reap() {
        if (idleTimeout.isZero() || idleTimeout.isNegative() || !reconciler.isDone()) {
            return;
        }
        Instant cutoff = clock.instant().minus(idleTimeout);
        registry.all().stream()
                .filter(instance -> instance.lastActivity().isBefore(cutoff))
                .forEach(instance -> reap(instance));
    }

    private void reap(Instance instance) {
        try {
            service.delete(
                    instance.id(),
                    InstanceEvent.Type.REAPED,
                    "no activity for " + idleTimeout.toMinutes() + " min (last " + instance.lastActivity() + ")");
        } catch (InstanceNotFoundException alreadyGone) {
            // deleted meanwhile
        }
    }
}
