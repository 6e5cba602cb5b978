package io.devopsparadise.dashboard.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopsparadise.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignInLinksTests {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-29T10:00:00Z"));
    private final SignInLinks links = new SignInLinks(clock);

    @Test
    void aCodeSignsInOnceOnly() {
        String code = links.issue();

        assertThat(links.redeem(code)).isTrue();
        assertThat(links.redeem(code)).isFalse();
    }

    @Test
    void anExpiredCodeIsRefused() {
        String code = links.issue();
        clock.advance(SignInLinks.LIFETIME.plus(Duration.ofSeconds(1)));

        assertThat(links.redeem(code)).isFalse();
    }

    @Test
    void aGuessedOrOversizedCodeIsRefused() {
        links.issue();

        assertThat(links.redeem("guess")).isFalse();
        assertThat(links.redeem("x".repeat(10_000))).isFalse();
        assertThat(links.redeem(null)).isFalse();
    }

    @Test
    void onlyTheNewestFewHundredCodesAreKept() {
        String oldest = links.issue();
        List<String> newer = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            newer.add(links.issue());
        }

        assertThat(links.redeem(oldest)).isFalse();
        assertThat(links.redeem(newer.get(newer.size() - 1))).isTrue();
    }
}
