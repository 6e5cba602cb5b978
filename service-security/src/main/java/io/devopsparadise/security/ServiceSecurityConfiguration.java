package io.devopsparadise.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/** The service credential and the Host allow-list, for any service; the data directory secured before either is read. */
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
    HostAllowList hostAllowList(SecurityProperties properties) {
        return new HostAllowList(properties.allowedHosts());
    }
}
