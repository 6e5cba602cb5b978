package io.devopsparadise.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/** The service credential, clients of the service APIs and the Host allow-list, for any service; the data directory secured before either is read. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
@PropertySource("classpath:paradise-security-defaults.properties")
public class ServiceSecurityConfiguration {

    @Bean
    ServiceCredential serviceCredential(SecurityProperties properties) {
        DataDirectory.secure(properties.home());
        return ServiceCredential.from(properties.serviceTokenFile());
    }

    @Bean
    MonitoringCredential monitoringCredential(SecurityProperties properties, ServiceCredential secured) {
        return MonitoringCredential.from(properties.monitoringTokenFile(), properties.monitoringPaths());
    }

    /** Clients of the other services' APIs; with Boot's RestClient.Builder where there is one (not in a reactive service). */
    @Bean
    ServiceApis serviceApis(
            org.springframework.beans.factory.ObjectProvider<org.springframework.web.client.RestClient.Builder> builder,
            ServiceCredential credential) {
        return new ServiceApis(builder.getIfAvailable(org.springframework.web.client.RestClient::builder), credential);
    }

    @Bean
    HostAllowList hostAllowList(SecurityProperties properties) {
        return new HostAllowList(properties.allowedHosts());
    }
}
