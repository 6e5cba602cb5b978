package io.devopsparadise.instances.ports;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hands out host ports from the configured range. A port has at most one owner at any time,
 * leases survive a restart of the manager, and ports held by other programs are skipped.
 */
public interface PortAllocator {

    /**
     * Leases one port per name for an instance, all or none.
     *
     * @return port by name, in the order asked
     * @throws PortRangeExhaustedException when the range has not enough free ports left
     */
    Map<String, Integer> lease(String instanceId, List<String> names);

    /**
     * Leases new ports for an instance in place of those it holds (another program took one of them) and releases the
     * old ones, all or none.
     *
     * @throws PortRangeExhaustedException when the range has not enough free ports left; the old leases then stay
     */
    Map<String, Integer> relocate(String instanceId, List<String> names);

    /** The ports an instance holds, by name; empty when it holds none. */
    Map<String, Integer> leasesOf(String instanceId);

    /** Releases every port of an instance. Releasing twice is harmless. */
    void release(String instanceId);

    /** The ids of all instances that hold a lease. */
    Set<String> holders();
}
