package io.devopsparadise.reports;

import io.devopsparadise.security.servlet.ServletSecurityConfiguration;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Keeps the history of quality runs, scores them, renders their reports, and streams live events to the dashboard. */
@SpringBootApplication
@Import(ServletSecurityConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class ReportServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
