package io.devopsparadise.instances;

import io.devopsparadise.security.servlet.ServletSecurityConfiguration;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@Import(ServletSecurityConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class InstanceManagerApplication {

    public static void main(String[] args) {
        SpringApplication.run(InstanceManagerApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
