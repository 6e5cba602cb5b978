package io.devopsparadise.instances.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Docker client, as a bean. Creating it does not contact the engine. */
@Configuration(proxyBeanMethods = false)
class DockerClientConfiguration {

    /**
     * @param dockerHost the engine's address ({@code paradise.docker.host}); DOCKER_HOST or the local socket when empty
     */
    @Bean(destroyMethod = "close")
    DockerClient dockerClient(@Value("${paradise.docker.host:}") String dockerHost) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (!dockerHost.isBlank()) {
            builder.withDockerHost(dockerHost);
        }
        DefaultDockerClientConfig config = builder.build();
        ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(64)
                .connectionTimeout(Duration.ofSeconds(3))
                .responseTimeout(Duration.ofSeconds(120))
                .build();
        return DockerClientImpl.getInstance(config, http);
    }
}
