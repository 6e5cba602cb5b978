package io.devopsparadise.dashboard;

import io.devopsparadise.security.servlet.ServletSecurityConfiguration;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The web dashboard: instances and their health, quality runs as they execute, their reports and trends, and the
 * alerts Alertmanager sends.
 */
@SpringBootApplication
@Import(ServletSecurityConfiguration.class)
@ConfigurationPropertiesScan
public class DashboardApplication {

    public static void main(String[] args) {
        SpringApplication.run(DashboardApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
