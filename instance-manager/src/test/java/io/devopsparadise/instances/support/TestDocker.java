package io.devopsparadise.instances.support;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;

/** A Docker client of the test's own, which outlives the managers the test starts and stops. */
public final class TestDocker {

    private static DockerClient client;

    private TestDocker() {}

    public static synchronized DockerClient client() {
        if (client == null) {
            DefaultDockerClientConfig config =
                    DefaultDockerClientConfig.createDefaultConfigBuilder().build();
            client = DockerClientImpl.getInstance(
                    config,
                    new ZerodepDockerHttpClient.Builder()
                            .dockerHost(config.getDockerHost())
                            .build());
        }
        return client;
    }
}
