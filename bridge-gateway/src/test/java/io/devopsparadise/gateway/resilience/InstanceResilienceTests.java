package io.devopsparadise.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClientRequestException;

class InstanceResilienceTests {

    private static WebClientRequestException failedBeforeResponse(Throwable cause) {
        return new WebClientRequestException(
                cause, HttpMethod.POST, URI.create("http://127.0.0.1:8200/mcp"), new HttpHeaders());
    }

    @Test
    void retriesOnlyRequestsThatNeverReachedALiveBackend() {
        assertThat(InstanceResilience.neverReachedTheBackend(
                        failedBeforeResponse(new ConnectException("Connection refused"))))
                .isTrue();
        assertThat(InstanceResilience.neverReachedTheBackend(
                        failedBeforeResponse(new IOException("recvAddress(..) failed: Connection reset by peer"))))
                .isTrue();
        assertThat(InstanceResilience.neverReachedTheBackend(failedBeforeResponse(new IOException("Broken pipe"))))
                .isFalse();
        assertThat(InstanceResilience.neverReachedTheBackend(new IllegalStateException("Connection reset")))
                .isFalse();
    }
}
