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
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import reactor.core.scheduler.Schedulers;

/**
 * Sessions that were ended, so that no gateway continues them from their sealed id: a request on an ended session
 * gets 404, as the transport requires. Kept in memory for the request path, written to the shared database, and read
 * from it again every {@code registry-refresh}, so that another gateway knows within that time. Ids are kept as their
 * SHA-256, for a week; an older ended session could be continued by its own client, which gives nothing away.
 */
@Component
class EndedSessions implements SmartInitializingSingleton, DisposableBean {

    static final Duration RETENTION = Duration.ofDays(7);
    private static final Logger log = LoggerFactory.getLogger(EndedSessions.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TaskScheduler scheduler;
    private final Duration refresh;
    private final Map<String, Instant> endedAt = new ConcurrentHashMap<>();
    private ScheduledFuture<?> refreshing;

    EndedSessions(JdbcClient jdbc, Clock clock, TaskScheduler scheduler, GatewayProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.scheduler = scheduler;
        this.refresh = properties.registryRefresh();
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
    }

    /** Records a sealed session's end; plain ids are known to their own gateway only and need no record. */
    void end(String sessionId) {
        if (sessionId == null || !sessionId.startsWith(SessionIds.PREFIX)) {
            return;
        }
        String hash = TokenHasher.hash(sessionId);
        Instant now = clock.instant();
        if (endedAt.putIfAbsent(hash, now) == null) {
            Schedulers.boundedElastic().schedule(() -> write(hash, now));
        }
    }

    boolean isEnded(String sessionId) {
        return endedAt.containsKey(TokenHasher.hash(sessionId));
    }

    private void write(String hash, Instant at) {
        try {
            jdbc.sql("INSERT INTO gateway_session_ended (id_hash, ended_at) VALUES (?, ?)")
                    .params(hash, at.atOffset(ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException already) {
            // ended on another gateway too
        } catch (RuntimeException unreachable) {
            log.warn("ended session not recorded for the other gateways reason=\"{}\"", unreachable.getMessage());
        }
    }

    /** What the other gateways ended since, and the end of what is older than the retention. */
    synchronized void refresh() {
        OffsetDateTime cutoff = clock.instant().minus(RETENTION).atOffset(ZoneOffset.UTC);
        try {
            jdbc.sql("SELECT id_hash, ended_at FROM gateway_session_ended WHERE ended_at >= ?")
                    .param(cutoff)
                    .query((rs, row) -> endedAt.putIfAbsent(
                            rs.getString("id_hash"),
                            rs.getObject("ended_at", OffsetDateTime.class).toInstant()))
                    .list();
            jdbc.sql("DELETE FROM gateway_session_ended WHERE ended_at < ?")
                    .param(cutoff)
                    .update();
        } catch (RuntimeException unreachable) {
            log.warn("ended sessions not read again reason=\"{}\"", unreachable.getMessage());
        }
        endedAt.values().removeIf(at -> at.isBefore(cutoff.toInstant()));
    }
}
