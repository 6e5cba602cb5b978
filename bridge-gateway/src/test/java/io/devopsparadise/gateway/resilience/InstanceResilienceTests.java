package io.devopsparadise.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class InstanceResilienceTests {

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
    void otherFailuresAreNotRetried() {
        assertThat(InstanceResilience.neverReachedTheBackend(new IOException("Broken pipe")))
                .isFalse();
        assertThat(InstanceResilience.neverReachedTheBackend(new IllegalStateException("Connection reset")))
                .isFalse();
    }
}
