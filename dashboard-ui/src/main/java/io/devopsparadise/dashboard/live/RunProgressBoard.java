package io.devopsparadise.dashboard.live;

import io.devopsparadise.contracts.quality.QualityEvent;
import io.devopsparadise.contracts.quality.RunState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What the orchestrator's progress events said about each run: its state and its tools as they start and finish.
 * Keeps the most recent runs only.
 */
@Component
public class RunProgressBoard {

    private static final int KEPT = 200;
    private static final int PLANS_KEPT = 10;
    private static final int FAILURES_KEPT = 20;

    private final Map<String, RunProgress> runs = new ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();

    /**
     * A run's progress so far.
     *
     * @param state    null once it finished in a state this version does not know
     * @param plans    test plans in one line each, as the PLAN events said them
     * @param failures failing tests as they failed (TEST_FAILED), the first {@value #FAILURES_KEPT}
     */
    public record RunProgress(
            String runId, RunState state, List<ToolProgress> tools, List<String> plans, List<String> failures) {}

    void record(QualityEvent event) {
        runs.compute(
                event.runId(),
                (id, known) -> apply(
                        known == null ? new RunProgress(id, RunState.RUNNING, List.of(), List.of(), List.of()) : known,
                        event));
        synchronized (order) {
            if (!order.contains(event.runId())) {
                order.add(event.runId());
                if (order.size() > KEPT) {
                    runs.remove(order.remove(0));
                }
            }
        }
    }

    public Optional<RunProgress> progress(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    private static RunProgress apply(RunProgress run, QualityEvent event) {
        Map<String, ToolProgress> tools = new LinkedHashMap<>();
        run.tools().forEach(tool -> tools.put(tool.tool(), tool));
        RunState state = run.state();
        List<String> plans = run.plans();
        List<String> failures = run.failures();
        switch (event.type()) {
            case PLAN:
                plans = appended(plans, event.detail(), PLANS_KEPT);
                break;
            case TEST_FAILED:
                failures = appended(failures, failure(event), FAILURES_KEPT);
                break;
            case TOOL_STARTED:
                tools.put(event.tool(), ToolProgress.running(event.tool()));
                break;
            case TOOL_FINISHED:
                tools.put(
                        event.tool(),
                        ToolProgress.finished(
                                event.tool(), event.toolStatus(), event.tests(), event.failures(), event.findings()));
                break;
            case RUN_FINISHED:
                // null for a state this version does not know: the page then says UNKNOWN, never running for ever
                state = event.runState();
                break;
            default:
                break;
        }
        return new RunProgress(run.runId(), state, List.copyOf(tools.values()), plans, failures);
    }

    /** "tool: test id: first message line"; null (no line) for an event that names no test. */
    private static String failure(QualityEvent event) {
        if (event.detail() == null) {
            return null;
        }
        return event.tool() == null ? event.detail() : event.tool() + ": " + event.detail();
    }

    private static List<String> appended(List<String> lines, String line, int kept) {
        if (line == null || lines.size() >= kept) {
            return lines;
        }
        List<String> more = new ArrayList<>(lines);
        more.add(line);
        return List.copyOf(more);
    }
}
