package io.devopsparadise.gateway.usage;

import io.devopsparadise.contracts.usage.McpUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts each client's sessions, requests, errors and tool calls: in memory on the request path (no lock, no I/O), as
 * Prometheus counters, and into the database every few seconds and at shutdown, so the totals outlive restarts.
 * Tool names come from clients: only names of up to 64 plain characters are kept, and at most {@value #MAX_TOOLS}
 * different ones per client, so that one client cannot use up another's; others count as {@code other}.
 */
@Component
public class UsageRecorder implements DisposableBean {

    static final int MAX_TOOLS = 100;
    static final String OTHER = "other";
    private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_.:/-]{1,64}");
    private static final Logger log = LoggerFactory.getLogger(UsageRecorder.class);

    record ClientDelta(String clientId, long sessions, long requests, long errors, Instant lastSeen) {}

    record ToolDelta(String clientId, String tool, long calls, long errors) {}

    private record ToolKey(String clientId, String tool) {}

    private static final class Tally {
        final LongAdder sessions = new LongAdder();
        final LongAdder requests = new LongAdder();
        final LongAdder errors = new LongAdder();
        final AtomicReference<Instant> lastSeen = new AtomicReference<>();
    }

    private static final class ToolTally {
        final LongAdder calls = new LongAdder();
        final LongAdder errors = new LongAdder();
        final Counter ok;
        final Counter failed;

        ToolTally(Counter ok, Counter failed) {
            this.ok = ok;
            this.failed = failed;
        }
    }

    private final Map<String, Tally> clients = new ConcurrentHashMap<>();
    private final Map<ToolKey, ToolTally> tools = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> toolNames = new ConcurrentHashMap<>();
    private final UsageRepository repository;
    private final MeterRegistry meters;
    private final Clock clock;

    public UsageRecorder(UsageRepository repository, MeterRegistry meters, Clock clock) {
        this.repository = repository;
        this.meters = meters;
        this.clock = clock;
    }

    public void sessionOpened(String clientId) {
        clients.computeIfAbsent(clientId, id -> new Tally()).sessions.increment();
        meters.counter("paradise.gateway.sessions.opened", "client", clientId).increment();
    }

    /**
     * One request answered (or not).
     *
     * @param tool the tool of a {@code tools/call}; null for other methods
     */
    public void request(String clientId, String tool, boolean failed) {
        Tally tally = clients.computeIfAbsent(clientId, id -> new Tally());
        tally.requests.increment();
        if (failed) {
            tally.errors.increment();
        }
        tally.lastSeen.set(clock.instant());
        if (tool != null) {
            ToolTally calls = tools.computeIfAbsent(new ToolKey(clientId, toolTag(clientId, tool)), this::toolTally);
            calls.calls.increment();
            if (failed) {
                calls.errors.increment();
                calls.failed.increment();
            } else {
                calls.ok.increment();
            }
        }
    }

    private ToolTally toolTally(ToolKey key) {
        return new ToolTally(
                meters.counter(
                        "paradise.gateway.tool.calls", "client", key.clientId(), "tool", key.tool(), "outcome", "ok"),
                meters.counter(
                        "paradise.gateway.tool.calls",
                        "client",
                        key.clientId(),
                        "tool",
                        key.tool(),
                        "outcome",
                        "error"));
    }

    String toolTag(String clientId, String name) {
        if (!TOOL_NAME.matcher(name).matches()) {
            return OTHER;
        }
        Set<String> known = toolNames.computeIfAbsent(clientId, id -> ConcurrentHashMap.newKeySet());
        if (known.contains(name)) {
            return name;
        }
        synchronized (known) {
            if (known.size() >= MAX_TOOLS) {
                return OTHER;
            }
            known.add(name);
            return name;
        }
    }

    /** Every client's totals, with what is not yet in the database. */
    public List<McpUsage> usage() {
        flush();
        return repository.all();
    }

    @Scheduled(fixedDelay = 10, initialDelay = 10, timeUnit = TimeUnit.SECONDS)
    public synchronized void flush() {
        List<ClientDelta> clientDeltas = new ArrayList<>();
        clients.forEach((id, tally) -> {
            ClientDelta delta = new ClientDelta(
                    id,
                    tally.sessions.sumThenReset(),
                    tally.requests.sumThenReset(),
                    tally.errors.sumThenReset(),
                    tally.lastSeen.getAndSet(null));
            if (delta.sessions() + delta.requests() > 0 || delta.lastSeen() != null) {
                clientDeltas.add(delta);
            }
        });
        List<ToolDelta> toolDeltas = new ArrayList<>();
        tools.forEach((key, tally) -> {
            ToolDelta delta =
                    new ToolDelta(key.clientId(), key.tool(), tally.calls.sumThenReset(), tally.errors.sumThenReset());
            if (delta.calls() > 0) {
                toolDeltas.add(delta);
            }
        });
        if (clientDeltas.isEmpty() && toolDeltas.isEmpty()) {
            return;
        }
        try {
            repository.add(clientDeltas, toolDeltas);
        } catch (RuntimeException failed) {
            // counted again next time: nothing gathered is lost while the database is away
            clientDeltas.forEach(this::putBack);
            toolDeltas.forEach(this::putBack);
            log.warn("usage not saved, kept for the next try reason=\"{}\"", failed.getMessage());
        }
    }

    private void putBack(ClientDelta delta) {
        Tally tally = clients.computeIfAbsent(delta.clientId(), id -> new Tally());
        tally.sessions.add(delta.sessions());
        tally.requests.add(delta.requests());
        tally.errors.add(delta.errors());
        tally.lastSeen.compareAndSet(null, delta.lastSeen());
    }

    private void putBack(ToolDelta delta) {
        ToolTally tally = tools.computeIfAbsent(new ToolKey(delta.clientId(), delta.tool()), this::toolTally);
        tally.calls.add(delta.calls());
        tally.errors.add(delta.errors());
    }

    @Override
    public void destroy() {
        flush();
    }
}
