package io.devopsparadise.instances.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.instances.runtime.InstanceStartException;
import org.junit.jupiter.api.Test;

class PortTakenMeanwhileTests {

    @Test
    void dockersUserlandProxyFindingThePortBoundIsRetried() {
        // as the clean-clone CI of 6943985 saw it
        assertThat(PortTakenMeanwhile.isCauseOf(new InstanceStartException(
                        "Docker could not start container paradise-phoenix-d45f92df: Status 500: {\"message\":\"driver"
                                + " failed programming external connectivity on endpoint paradise-phoenix-d45f92df: Error"
                                + " starting userland proxy: listen tcp4 127.0.0.1:8208: bind: address already in use\"}",
                        null)))
                .isTrue();
    }

    @Test
    void dockersPortAllocatorFindingThePortTakenIsRetried() {
        assertThat(PortTakenMeanwhile.isCauseOf(new InstanceStartException(
                        "Docker could not start container x: Bind for 127.0.0.1:8208 failed: port is already allocated",
                        null)))
                .isTrue();
    }

    @Test
    void anyOtherFailureIsNot() {
        assertThat(PortTakenMeanwhile.isCauseOf(
                        new InstanceStartException("Docker could not create container x: No such image", null)))
                .isFalse();
        assertThat(PortTakenMeanwhile.isCauseOf(new IllegalStateException("address already in use")))
                .as("not a start failure")
                .isFalse();
    }
}
