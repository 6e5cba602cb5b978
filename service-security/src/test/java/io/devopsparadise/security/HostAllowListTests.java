package io.devopsparadise.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostAllowListTests {

    private final HostAllowList hosts = new HostAllowList(List.of("paradise.example.org", " "));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1:8110",
                "localhost",
                "LOCALHOST:8100",
                "[::1]:8130",
                "paradise.example.org",
                "Paradise.Example.Org.:443"
            })
    void theServicesOwnNamesArePermitted(String host) {
        assertThat(hosts.permits(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "evil.example",
                "evil.example:8110",
                "127.0.0.1.evil.example",
                "localhost.evil.example",
                "0.0.0.0:8110",
                "::1",
                "[::1",
                "paradise.example.org.evil.example",
                "",
                "127.0.0.2"
            })
    void aRebindingHostIsRefused(String host) {
        assertThat(hosts.permits(host)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aMissingHostIsRefused() {
        assertThat(hosts.permits(null)).isFalse();
    }
}
