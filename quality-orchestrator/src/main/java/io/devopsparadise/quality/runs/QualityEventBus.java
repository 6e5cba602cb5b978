package io.devopsparadise.quality.runs;

import io.devopsparadise.contracts.quality.QualityEvent;
import io.devopsparadise.contracts.quality.RunState;
import io.devopsparadise.contracts.quality.TestStatus;
import io.devopsparadise.contracts.quality.ToolStatus;
import io.devopsparadise.events.EventBuffer;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** Publishes run progress to subscribers (SSE streams) and keeps recent events for late or reconnecting ones. */
@Component
public class QualityEventBus {

    private static final int RETAINED = 2_000;

    private final Clock clock;
    private final EventBuffer<QualityEvent> buffer = new EventBuffer<>(RETAINED, QualityEvent::sequence);

    QualityEventBus(Clock clock) {
        this.clock = clock;
    }

    QualityEvent runStarted(String runId, String clientId) {
        return publish(QualityEvent.Type.RUN_STARTED, runId, clientId, null, RunState.RUNNING.name(), 0, 0, 0, null);
    }

    QualityEvent runFinished(String runId, String clientId, RunState state) {
        return publish(QualityEvent.Type.RUN_FINISHED, runId, clientId, null, state.name(), 0, 0, 0, null);
    }

    QualityEvent toolStarted(String runId, String clientId, String tool) {
        return publish(QualityEvent.Type.TOOL_STARTED, runId, clientId, tool, QualityEvent.TOOL_RUNNING, 0, 0, 0, null);
    }

    QualityEvent toolFinished(
            String runId, String clientId, String tool, ToolStatus status, int tests, int failures, int findings) {
        return publish(
                QualityEvent.Type.TOOL_FINISHED, runId, clientId, tool, status.name(), tests, failures, findings, null);
    }

    /** A test tool's plan: all its tests, or those selected (how many, and the plan in one line). */
    QualityEvent plan(String runId, String clientId, String tool, boolean all, int selected, String summary) {
        return publish(
                QualityEvent.Type.PLAN, runId, clientId, tool, all ? "ALL" : "SELECTED", selected, 0, 0, summary);
    }

    /** A test failed, before its tool ends: "test id: first message line". */
    QualityEvent testFailed(String runId, String clientId, String tool, String failure) {
        return publish(
                QualityEvent.Type.TEST_FAILED, runId, clientId, tool, TestStatus.FAILED.name(), 0, 1, 0, failure);
    }

    private QualityEvent publish(
            QualityEvent.Type type,
            String runId,
            String clientId,
            String tool,
            String status,
            int tests,
            int failures,
            int findings,
            String detail) {
        return buffer.publish(sequence -> new QualityEvent(
                sequence, type, runId, clientId, tool, status, tests, failures, findings, clock.instant(), detail));
    }

    /** Replays retained events after {@code afterSequence}, then follows live ones; close the result to stop. */
    public AutoCloseable subscribe(long afterSequence, Consumer<QualityEvent> subscriber) {
        return buffer.subscribe(afterSequence, subscriber);
    }

    EventBuffer<QualityEvent> buffer() {
        return buffer;
    }
}
