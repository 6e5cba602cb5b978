package io.devopsparadise.instances.lifecycle;

import io.devopsparadise.instances.profiles.InstanceProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * One active instance-manager per database. Managers that share a PostgreSQL database elect the active one with a
 * session-level advisory lock, held on a connection of its own (outside the pool) for as long as the manager lives:
 * when the active one dies, its connection goes and the lock with it. The others stand by (their API answers 503, their readiness is
 * {@code STANDBY}) and try the lock every {@code leader-poll}; the one that gets it adopts the instances the database
 * lists ({@link Reconciler}) and serves; a takeover that fails lets the lock go for another to try. An active manager
 * that finds its lock gone stops managing at once and exits, since another may now be active: two managing the same
 * instances at once are possible for at most {@code leader-poll}. On H2 (one manager) a manager is always active.
 */
@Component("leadership")
public class Leadership implements ApplicationRunner, HealthIndicator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Leadership.class);
    /** "PARADISE" in ASCII: the advisory lock every manager of one database competes for. */
    static final long LOCK_KEY = 0x5041524144495345L;

    static final Status STANDBY = new Status("STANDBY", "another instance-manager is active on this database");

    private final DataSource dataSource;
    private final String url;
    private final String user;
    private final String password;
    private final Reconciler reconciler;
    private final Duration poll;
    private final ScheduledExecutorService elections = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "leader-election");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean active;
    private volatile boolean shared;
    private Connection lock;

    Leadership(
            DataSource dataSource,
            @Value("${spring.datasource.url}") String url,
            @Value("${spring.datasource.username:}") String user,
            @Value("${spring.datasource.password:}") String password,
            Reconciler reconciler,
            InstanceProperties properties) {
        this.dataSource = dataSource;
        this.url = url;
        this.user = user;
        this.password = password;
        this.reconciler = reconciler;
        this.poll = properties.leaderPoll();
    }

    /** Whether this manager manages the instances (and answers the API). */
    public boolean isActive() {
        return active;
    }

    @Override
    public void run(ApplicationArguments args) throws SQLException {
        try (Connection probe = dataSource.getConnection()) {
            shared = probe.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
        }
        if (!shared || tryLock()) {
            becomeActive();
            return;
        }
        log.info(
                "another instance-manager is active on this database: standing by, trying to take over every {}", poll);
        elections.scheduleWithFixedDelay(this::tryToTakeOver, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tryToTakeOver() {
        try {
            if (tryLock()) {
                log.info("the active instance-manager is gone: taking over");
                try {
                    becomeActive();
                } catch (RuntimeException e) {
                    log.error("could not take over ({}): letting the lock go and trying again", e.toString());
                    active = false;
                    closeLock();
                    return;
                }
                throw new TookOver();
            }
        } catch (SQLException e) {
            log.warn("cannot reach the database to try for the lock: {}", e.getMessage());
            closeLock();
        }
    }

    /** Ends the standby's polling (an exception is how a scheduled task stops itself). */
    private static final class TookOver extends RuntimeException {
        TookOver() {
            super(null, null, false, false);
        }
    }

    private boolean tryLock() throws SQLException {
        if (lock == null || lock.isClosed()) {
            // not from the pool: the pool would hand a connection that holds the lock to other work, or keep it open
            lock = DriverManager.getConnection(url, user, password);
        }
        try (PreparedStatement statement = lock.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private void becomeActive() {
        reconciler.reconcile();
        active = true;
        if (shared) {
            elections.scheduleWithFixedDelay(
                    this::checkStillHeld, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void checkStillHeld() {
        boolean held;
        try (PreparedStatement statement = lock.prepareStatement(
                "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted")) {
            statement.setQueryTimeout(Math.max(1, (int) poll.toSeconds()));
            try (ResultSet result = statement.executeQuery()) {
                held = result.next();
            }
        } catch (SQLException e) {
            held = false;
        }
        if (!held) {
            log.error("lost the database connection that holds the instance-manager lock: another manager may be"
                    + " active now; stopping so that no two manage the same instances (instances keep running and"
                    + " are adopted)");
            active = false;
            reconciler.giveUp();
            new Thread(() -> System.exit(75), "leadership-lost").start();
            throw new TookOver();
        }
    }

    @Override
    public Health health() {
        return active
                ? Health.up().withDetail("role", "active").build()
                : Health.status(STANDBY).withDetail("role", "standby").build();
    }

    @Override
    public void destroy() {
        elections.shutdownNow();
        closeLock();
    }

    private void closeLock() {
        if (lock != null) {
            try {
                lock.close();
            } catch (SQLException ignored) {
                // gone already
            }
            lock = null;
        }
    }
}
