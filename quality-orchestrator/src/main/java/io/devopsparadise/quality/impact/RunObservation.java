package io.devopsparadise.quality.impact;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one pytest run showed: which tests ran (their events), what each covered, and whether the run got through
 * every test it was given (fail-fast and crashes stop short).
 *
 * @param fullRun    every test of the workspace was given, so tests not seen no longer exist
 * @param complete   the run ended on its own with a report, not stopped early
 * @param changedRefs the blocks this run's change touched ("file::block"): tests covering them churned now
 */
record RunObservation(
        String commit,
        Map<String, String> environment,
        CoverageContexts coverage,
        List<TestEvent> events,
        boolean fullRun,
        boolean complete,
        long wallMillis,
        int workers,
        Set<String> changedRefs,
        Instant at) {

    RunObservation {
        environment = Map.copyOf(environment);
        events = List.copyOf(events);
        changedRefs = Set.copyOf(changedRefs);
    }
}
