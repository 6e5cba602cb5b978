package io.devopsparadise.quality.impact;

import io.devopsparadise.quality.profiles.QualityProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ImpactConfiguration {

    @Bean
    TestImpact testImpact(ImpactStore store, Clock clock, QualityProperties properties) {
        return new TestImpact(store, clock, properties.parallelTestsAbove());
    }
}
