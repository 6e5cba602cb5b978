package io.devopsparadise.security.servlet;

import io.devopsparadise.security.HostAllowList;
import io.devopsparadise.security.MonitoringCredential;
import io.devopsparadise.security.ProtectedPaths;
import io.devopsparadise.security.SecurityProperties;
import io.devopsparadise.security.ServiceCredential;
import io.devopsparadise.security.ServiceSecurityConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** For a servlet service: every request passes the {@link ServiceSecurityFilter} before anything else sees it. */
@Configuration(proxyBeanMethods = false)
@Import(ServiceSecurityConfiguration.class)
public class ServletSecurityConfiguration {

    @Bean
    ServiceSecurityFilter serviceSecurityFilter(
            ServiceCredential credential,
            MonitoringCredential monitoring,
            HostAllowList hosts,
            SecurityProperties properties) {
        return new ServiceSecurityFilter(
                credential,
                monitoring,
                hosts,
                new ProtectedPaths(properties.credentialPaths(), properties.openPaths()));
    }
}
