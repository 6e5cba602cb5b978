package io.devopsparadise.quality.flaky;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Confirming failures ({@code paradise.quality.flaky.*}): a failed test runs again before the verdict.
 *
 * @param reruns   how many times a failed test runs again; one pass makes it FLAKY, not a failure; 0 turns reruns off
 * @param maxTests more failed tests than this in one tool are not rerun: so many failures are not flakiness
 */
@Validated
@ConfigurationProperties("paradise.quality.flaky")
public record FlakyProperties(
        @DefaultValue("2") @Min(0) @Max(10) int reruns,
        @DefaultValue("20") @Min(1) int maxTests) {}
