package io.devopsparadise.gateway.mcp;

import io.devopsparadise.gateway.GatewayProperties;
import io.devopsparadise.gateway.clients.TokenHasher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Sessions that were ended, so that no gateway continues them from their sealed id: a request on an ended session
 * gets 404, as the transport requires. Kept in memory for the request path (by the SHA-256 of the id), written to the
 * shared database and read from it again every {@code registry-refresh}, so that another gateway knows within that
 * time. A sealed id moves between gateways for {@link SessionIds#MAX_AGE} only, so an end is kept that long (plus a
 * margin) and no longer. Past {@value #MAX_KEPT} ends in memory, no session moves at all (each stays on the gateway
 * that holds it) until old ends expire: a client ending sessions in a loop cannot grow this without bound. Ending all
 * of a client's sessions is kept the same way, as one time per client: its sessions issued until then are ended on
 * every gateway.
 */
@Component
class EndedSessions implements SmartInitializingSingleton, DisposableBean {

    static final Duration RETENTION = SessionIds.MAX_AGE.plusHours(1);
    static final int MAX_KEPT = 200_000;
    private static final Logger log = LoggerFactory.getLogger(EndedSessions.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TaskScheduler scheduler;
    private final Duration refresh;
    private final Map<String, Instant> endedAt = new ConcurrentHashMap<>();
    private final AtomicInteger kept = new AtomicInteger();
    private final ConcurrentLinkedQueue<Map.Entry<String, Instant>> unwritten = new ConcurrentLinkedQueue<>();
    private volatile Instant readUpTo = Instant.EPOCH;
    /** Client → when all its sessions were last ended (one entry per client at most). */
    private final Map<String, Instant> allEndedAt = new ConcurrentHashMap<>();

    private final ConcurrentLinkedQueue<Map.Entry<String, Instant>> unwrittenAll = new ConcurrentLinkedQueue<>();
    private ScheduledFuture<?> refreshing;

    EndedSessions(JdbcClient jdbc, Clock clock, TaskScheduler scheduler, GatewayProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.scheduler = scheduler;
        this.refresh = properties.registryRefresh();
    }

    static String key(String sessionId) {
        return TokenHasher.hash(sessionId);
    }

    @Override
    public void afterSingletonsInstantiated() {
        refresh();
        refreshing =
                scheduler.scheduleWithFixedDelay(this::refresh, clock.instant().plus(refresh), refresh);
    }

    @Override
    public void destroy() {
        if (refreshing != null) {
            refreshing.cancel(false);
        }
        write();
    }

    /** Records a sealed session's end; plain ids are known to their own gateway only and need no record. */
    void end(String sessionId) {
        if (sessionId == null || !sessionId.startsWith(SessionIds.PREFIX)) {
            return;
        }
        String key = key(sessionId);
        Instant now = clock.instant();
        if (remember(key, now)) {
            unwritten.add(Map.entry(key, now));
        }
    }

    /** Records that every session of the client issued until now has ended, on every gateway. */
    void endAllOf(String clientId) {
        Instant now = clock.instant();
        allEndedAt.merge(clientId, now, (a, b) -> a.isAfter(b) ? a : b);
        unwrittenAll.add(Map.entry(clientId, now));
    }

    /** Whether a session of the client issued at {@code issuedAt} ended with all the client's sessions. */
    boolean endedWithAllOf(String clientId, Instant issuedAt) {
        Instant at = allEndedAt.get(clientId);
        return at != null && !issuedAt.isAfter(at);
    }

    /** Whether the session ended, or, past the bound, whether sessions may no longer move at all. */
    boolean isEnded(String sessionId) {
        return isEndedKey(key(sessionId));
    }

    boolean isEndedKey(String key) {
        return kept.get() >= MAX_KEPT || endedAt.containsKey(key);
    }

    private boolean remember(String key, Instant at) {
        if (endedAt.putIfAbsent(key, at) == null) {
            if (kept.incrementAndGet() == MAX_KEPT) {
                log.warn("sessions no longer move between gateways: {} ended in {} h", MAX_KEPT, RETENTION.toHours());
            }
            return true;
        }
        return false;
    }

    /**
     * Writes the ends gathered here (kept for the next time when the database does not answer), reads those of the
     * other gateways since the last read, and forgets ends older than the retention.
     */
    synchronized void refresh() {
        write();
        Instant now = clock.instant();
        OffsetDateTime cutoff = now.minus(RETENTION).atOffset(ZoneOffset.UTC);
        // a little overlap: another gateway's clock, and rows committed after a read began
        OffsetDateTime since = readUpTo.minus(refresh.multipliedBy(5)).atOffset(ZoneOffset.UTC);
        try {
            jdbc.sql("SELECT id_hash, ended_at FROM gateway_session_ended WHERE ended_at >= ? AND ended_at >= ?")
                    .params(cutoff, since)
                    .query((rs, row) -> remember(
                            rs.getString("id_hash"),
                            rs.getObject("ended_at", OffsetDateTime.class).toInstant()))
                    .list();
            readUpTo = now;
            jdbc.sql("DELETE FROM gateway_session_ended WHERE ended_at < ?")
                    .param(cutoff)
                    .update();
            jdbc.sql("SELECT client_id, ended_at FROM gateway_client_sessions_ended WHERE ended_at >= ?")
                    .param(cutoff)
                    .query((rs, row) -> allEndedAt.merge(
                            rs.getString("client_id"),
                            rs.getObject("ended_at", OffsetDateTime.class).toInstant(),
                            (a, b) -> a.isAfter(b) ? a : b))
                    .list();
            jdbc.sql("DELETE FROM gateway_client_sessions_ended WHERE ended_at < ?")
                    .param(cutoff)
                    .update();
        } catch (RuntimeException unreachable) {
            log.warn("ended sessions not read again reason=\"{}\"", unreachable.getMessage());
        }
        allEndedAt.values().removeIf(at -> at.isBefore(cutoff.toInstant()));
        endedAt.entrySet().removeIf(entry -> {
            boolean old = entry.getValue().isBefore(cutoff.toInstant());
            if (old) {
                kept.decrementAndGet();
            }
            return old;
        });
    }

    private void write() {
        if (writeAll(unwrittenAll, this::writeAllEnded)) {
            writeAll(unwritten, this::writeEnded);
        }
    }

    /**
     * Writes a queue's ends in order. One the database already holds (another gateway wrote it, as late or later) is
     * done; when the database does not answer, the rest wait for the next try. Whether all were written.
     */
    private boolean writeAll(
            ConcurrentLinkedQueue<Map.Entry<String, Instant>> queue, Consumer<Map.Entry<String, Instant>> writer) {
        Map.Entry<String, Instant> next;
        while ((next = queue.peek()) != null) {
            try {
                writer.accept(next);
            } catch (DuplicateKeyException alreadyThere) {
                // written by another gateway too
            } catch (RuntimeException unreachable) {
                log.warn("ended sessions not written yet, kept for the next try count={}", queue.size());
                return false;
            }
            queue.poll();
        }
        return true;
    }

    private void writeAllEnded(Map.Entry<String, Instant> client) {
        OffsetDateTime at = client.getValue().atOffset(ZoneOffset.UTC);
        int later = jdbc.sql(
                        "UPDATE gateway_client_sessions_ended SET ended_at = ? WHERE client_id = ? AND ended_at < ?")
                .params(at, client.getKey(), at)
                .update();
        if (later == 0) {
            jdbc.sql("INSERT INTO gateway_client_sessions_ended (client_id, ended_at) VALUES (?, ?)")
                    .params(client.getKey(), at)
                    .update();
        }
    }

    private void writeEnded(Map.Entry<String, Instant> session) {
        jdbc.sql("INSERT INTO gateway_session_ended (id_hash, ended_at) VALUES (?, ?)")
                .params(session.getKey(), session.getValue().atOffset(ZoneOffset.UTC))
                .update();
    }
}
