package io.devopsparadise.dashboard.live;

import io.devopsparadise.contracts.quality.QualityEvent;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the orchestrator's progress events said about each run: its state and its tools as they start and finish.
 * Keeps the most recent runs only.
 */
@Component
public class RunProgressBoard {

    private static final int KEPT = 200;

    private final Map<String, RunProgress> runs = new ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();

    /** A run's progress so far. */
    public record RunProgress(String runId, String state, List<ToolProgress> tools) {
    }

    void record(QualityEvent event) {
        runs.compute(event.runId(), (id, known) -> apply(known == null ? new RunProgress(id, "RUNNING", List.of()) : known, event));
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
        String state = run.state();
        switch (event.type()) {
            case TOOL_STARTED:
                tools.put(event.tool(), new ToolProgress(event.tool(), "RUNNING", 0, 0, 0));
                break;
            case TOOL_FINISHED:
                tools.put(event.tool(), new ToolProgress(event.tool(), event.status(), event.tests(), event.failures(), event.findings()));
                break;
            case RUN_FINISHED:
                state = event.status();
                break;
            default:
                break;
        }
        return new RunProgress(run.runId(), state, List.copyOf(tools.values()));
    }
}
