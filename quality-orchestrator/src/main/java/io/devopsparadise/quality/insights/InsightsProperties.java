package io.devopsparadise.quality.insights;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Insights ({@code paradise.quality.insights.*}): hotspots and change risk from a workspace's history.
 *
 * @param churnWindow       hotspots count the commits of this window, ending at the newest commit
 * @param maxCommits        the newest commits read from a history (older ones are left out)
 * @param complexityTimeout how long measuring complexity (flake8's mccabe, inside the instance) may take
 * @param maxRunResult      the largest stored run result read for coverage and findings
 * @param cachedHistories   workspace histories kept in memory (one per workspace and HEAD), the least recently used dropped
 */
@Validated
@ConfigurationProperties("paradise.quality.insights")
public record InsightsProperties(
        @DefaultValue("90d") Duration churnWindow,
        @DefaultValue("5000") @Min(1) int maxCommits,
        @DefaultValue("120s") Duration complexityTimeout,
        @DefaultValue("64MB") DataSize maxRunResult,
        @DefaultValue("8") @Min(1) int cachedHistories) {}
