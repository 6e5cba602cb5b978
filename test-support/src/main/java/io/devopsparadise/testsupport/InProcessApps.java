package io.devopsparadise.testsupport;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Services started inside the test JVM, one start at a time: Spring Boot sets up the JVM's one logging system at every
 * start, and two starts at once (integration classes run two at a time) corrupt it (a ConcurrentModificationException
 * in Logback's property map failed a clean-clone run).
 */
public final class InProcessApps {

    private static final Object STARTING = new Object();

    private InProcessApps() {}

    public static SpringApplicationBuilder builder(Class<?>... sources) {
        return new SpringApplicationBuilder(sources) {
            @Override
            public ConfigurableApplicationContext run(String... args) {
                synchronized (STARTING) {
                    return super.run(args);
                }
            }
        };
    }
}
