package io.devopsparadise.instances.lifecycle;

import io.devopsparadise.contracts.instances.Engine;
import io.devopsparadise.contracts.instances.ProvisionRequest;
import io.devopsparadise.instances.profiles.BackendProfile;
import io.devopsparadise.instances.profiles.ResourceLimits;
import org.springframework.util.unit.DataSize;

/** The container limits a provisioning request asks for, checked, on top of its profile's. */
final class RequestedLimits {

    private static final long MINIMUM_MEMORY = 6L * 1024 * 1024;

    private RequestedLimits() {}

    static ResourceLimits of(ProvisionRequest request, BackendProfile profile, Engine engine) {
        ResourceLimits base = profile.limits();
        if (request.memory() == null && request.cpus() == null) {
            return base;
        }
        if (engine != Engine.DOCKER) {
            throw new InvalidRequestException("memory and cpus limits apply to containers; profile '" + profile.name()
                    + "' runs as a " + engine + " here, so leave them out or use a container profile");
        }
        long memory = request.memory() == null ? base.memoryBytes() : memory(request.memory());
        long nanoCpus = request.cpus() == null ? base.nanoCpus() : nanoCpus(request.cpus());
        return new ResourceLimits(memory, nanoCpus, base.pids());
    }

    private static long memory(String text) {
        long bytes;
        try {
            bytes = DataSize.parse(text.strip().toUpperCase(java.util.Locale.ROOT))
                    .toBytes();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("memory must be a size like 512MB or 2GB; got '" + text + "'");
        }
        if (bytes < MINIMUM_MEMORY) {
            throw new InvalidRequestException("memory must be at least 6MB (Docker's minimum); got '" + text + "'");
        }
        return bytes;
    }

    private static long nanoCpus(double cpus) {
        int available = Runtime.getRuntime().availableProcessors();
        if (!(cpus >= 0.01) || cpus > available) {
            throw new InvalidRequestException(
                    "cpus must be between 0.01 and " + available + " (this host's cores); got " + cpus);
        }
        return Math.round(cpus * 1e9);
    }
}
