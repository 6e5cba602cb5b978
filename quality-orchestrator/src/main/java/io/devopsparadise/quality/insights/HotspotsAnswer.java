package io.devopsparadise.quality.insights;

import io.devopsparadise.quality.insights.hotspots.Hotspot;
import java.util.List;

/**
 * A workspace's hotspots, highest score first.
 *
 * @param complexity what measured complexity, or why it could not be measured (then no file ranks)
 * @param coverageRun the stored run whose coverage and findings were used; null when there is none
 * @param ranked      files that ranked (measured complexity); {@code hotspots} holds the first {@code limit}
 */
public record HotspotsAnswer(
        String clientId,
        String headCommit,
        long windowDays,
        int commitsInWindow,
        String complexity,
        String coverageRun,
        int ranked,
        List<Hotspot> hotspots) {

    public HotspotsAnswer {
        hotspots = List.copyOf(hotspots);
    }
}
