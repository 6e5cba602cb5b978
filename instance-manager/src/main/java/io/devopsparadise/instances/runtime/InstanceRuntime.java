package io.devopsparadise.instances.runtime;

import io.devopsparadise.contracts.instances.Engine;
import io.devopsparadise.contracts.instances.ExecRequest;
import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.security.PortHolders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An engine that runs instances: containers on a Docker engine, or local processes.
 * Every implementation passes the same lifecycle contract suite.
 */
public interface InstanceRuntime {

    Engine engine();

    /** What this engine isolates an instance from, and what it cannot, in words the API shows with every instance. */
    String isolation();

    /** Whether the engine can start instances now (the Docker engine answers, say). */
    boolean isAvailable();

    /** Whether this engine can start the profile now: it answers, and has what the profile needs (a container's image). */
    default boolean canRun(io.devopsparadise.instances.profiles.BackendProfile profile) {
        return isAvailable();
    }

    /**
     * Starts an instance. Returns once the engine has started it, not once it serves.
     *
     * @throws EngineUnavailableException when the engine does not answer
     * @throws InstanceStartException     when the engine refused or failed to start it
     */
    RuntimeHandle start(LaunchSpec spec);

    boolean isRunning(RuntimeHandle handle);

    /** Stops what runs under the handle (if anything) and starts the instance again. */
    RuntimeHandle restart(RuntimeHandle handle, LaunchSpec spec);

    /** Stops and removes everything the handle refers to. Removing what is already gone is harmless. */
    void remove(RuntimeHandle handle);

    /**
     * Runs a command inside the instance, streaming its output to the listener as it comes.
     *
     * @return how it ended; output in the result is the retained tail
     */
    ExecResult exec(
            RuntimeHandle handle, LaunchSpec spec, ExecRequest request, Duration timeout, OutputListener listener);

    /**
     * Who listens on each of the instance's ports: the instance, nobody, another program (which would answer the health
     * checks and the client's calls in the instance's place), or {@code UNKNOWN} where the engine cannot tell. Docker
     * binds a container's published ports itself, and its start fails when one is taken: every port is UNKNOWN there.
     */
    default Map<Integer, PortHolders.Holder> portHolders(RuntimeHandle handle, Map<String, Integer> ports) {
        Map<Integer, PortHolders.Holder> holders = new TreeMap<>();
        ports.values().forEach(port -> holders.put(port, PortHolders.Holder.UNKNOWN));
        return holders;
    }

    /** Units this engine runs for the given installation, found without our database (containers by label). */
    List<ManagedUnit> managedUnits(String installationId);
}
