package io.devopsparadise.quality.impact;

import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.quality.reportdir.ReportDirectory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A test tool's command, run while its test events are followed: each failing test goes to the listener the moment
 * its line is written, once, and only the first {@value #MAX_FAILURE_EVENTS} (the event stream is shared by every
 * client); then every event the run wrote.
 */
record FollowedRun(ExecResult result, List<TestEvent> events) {

    static final String EVENTS = "test-events.jsonl";
    static final int MAX_FAILURE_EVENTS = 20;

    static FollowedRun of(ReportDirectory reports, String tool, ImpactListener listener, Supplier<ExecResult> command) {
        Set<String> heard = ConcurrentHashMap.newKeySet();
        try (EventTail tail = EventTail.follow(reports, EVENTS, event -> {
            if (event.failed() && heard.size() < MAX_FAILURE_EVENTS && heard.add(event.id())) {
                listener.testFailed(tool, event.id(), event.message());
            }
        })) {
            ExecResult result = command.get();
            return new FollowedRun(result, tail.drain());
        }
    }
}
