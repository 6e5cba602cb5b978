package io.devopsparadise.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.gateway.GatewayProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class InstanceResilienceTests {

    private static InstanceResilience limitedTo(int perSecond) {
        GatewayProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                        "paradise.gateway.home",
                        System.getProperty("java.io.tmpdir"),
                        "paradise.gateway.public-url",
                        "http://127.0.0.1:8100",
                        "paradise.gateway.instance-manager-url",
                        "http://127.0.0.1:1",
                        "paradise.gateway.rate-limit",
                        String.valueOf(perSecond))))
                .bindOrCreate("paradise.gateway", GatewayProperties.class);
        return new InstanceResilience(properties, new SimpleMeterRegistry());
    }

    @Test
    void permitsAreTakenTogetherWhileTheSecondHasThem() {
        InstanceResilience resilience = limitedTo(5);

        assertThat(resilience.admit("alice", 4)).isTrue();
        assertThat(resilience.admit("alice", 2)).as("one permit is left").isFalse();
        assertThat(resilience.admit("bob", 5)).as("each client has its own").isTrue();
    }

    @Test
    void moreThanASecondsPermitsAreNeverGranted() {
        assertThat(limitedTo(5).admit("alice", 6)).isFalse();
        assertThat(limitedTo(0).admit("alice", 1_000)).as("no limit").isTrue();
    }

    @Test
    void aRefusedConnectionIsRetried() {
        assertThat(InstanceResilience.neverReachedTheBackend(new ConnectException("Connection refused")))
                .isTrue();
    }

    @Test
    void aConnectionResetBeforeTheResponseIsRetriedWhereverItIsInTheCauses() {
        IOException reset = new IOException("recvAddress(..) failed: Connection reset by peer");

        assertThat(InstanceResilience.neverReachedTheBackend(reset)).isTrue();
        assertThat(InstanceResilience.neverReachedTheBackend(new UncheckedIOException(reset)))
                .isTrue();
    }

    @Test
    void aPooledConnectionFoundClosedBeforeSendingIsRetried() {
        // Reactor Netty's words when the connections it took from its pool were closed (twice) before it wrote on them
        IOException stale = new IOException(
                "Error while acquiring from reactor.netty.internal.shaded.reactor.pool.SimpleDequePool@1f2e3d4c");

        assertThat(InstanceResilience.neverReachedTheBackend(stale)).isTrue();
    }

    @Test
    void otherFailuresAreNotRetried() {
        assertThat(InstanceResilience.neverReachedTheBackend(new IOException("Broken pipe")))
                .isFalse();
        assertThat(InstanceResilience.neverReachedTheBackend(new IllegalStateException("Connection reset")))
                .isFalse();
    }
}
