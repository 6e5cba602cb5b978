package io.devopsparadise.instances.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import io.devopsparadise.instances.runtime.InstanceRefusedException;
import java.util.Map;

/**
 * The bridge network every instance container joins. Inter-container traffic is off on it, so a client's
 * container cannot open another client's MCP port; the platform reaches each one through its port
 * published on 127.0.0.1.
 */
final class InstanceNetwork {

    static final String ICC = "com.docker.network.bridge.enable_icc";

    private final DockerClient docker;
    private final String name;

    InstanceNetwork(DockerClient docker, String name) {
        this.docker = docker;
        this.name = name;
    }

    String name() {
        return name;
    }

    /** The network's name, once it exists with inter-container traffic off; created when missing. */
    String ensure() {
        try {
            checkIsolated(docker.inspectNetworkCmd().withNetworkId(name).exec());
        } catch (NotFoundException e) {
            create();
        }
        return name;
    }

    private void create() {
        try {
            docker.createNetworkCmd()
                    .withName(name)
                    .withDriver("bridge")
                    .withOptions(Map.of(ICC, "false"))
                    .withLabels(Map.of(ContainerSpec.MANAGED, "true"))
                    .exec();
        } catch (ConflictException e) {
            // another manager created it at the same moment
            checkIsolated(docker.inspectNetworkCmd().withNetworkId(name).exec());
        }
    }

    private void checkIsolated(Network network) {
        if (!"bridge".equals(network.getDriver())
                || !"false".equals(network.getOptions().get(ICC))) {
            throw new InstanceRefusedException(
                    "Docker network " + name + " lets containers reach each other (driver "
                            + network.getDriver() + ", " + ICC + "="
                            + network.getOptions().get(ICC) + "); remove it with 'docker network rm "
                            + name
                            + "' so that the instance-manager creates it isolated, or name another in paradise.instances.docker-network");
        }
    }
}
