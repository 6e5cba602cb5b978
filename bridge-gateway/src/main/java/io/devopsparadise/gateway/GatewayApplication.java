package io.devopsparadise.gateway;

import io.devopsparadise.security.ServiceSecurityConfiguration;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@Import(ServiceSecurityConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Event loops and connection pools of the gateway's own, not Reactor Netty's global ones: closing a gateway then
     * disposes only its own (two gateways in one JVM, as the integration tests run them, no longer stop each other).
     */
    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory resources = new ReactorResourceFactory();
        resources.setUseGlobalResources(false);
        return resources;
    }
}
