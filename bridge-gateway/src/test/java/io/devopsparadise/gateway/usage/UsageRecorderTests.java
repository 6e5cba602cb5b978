package io.devopsparadise.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.devopsparadise.contracts.usage.McpUsage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The usage counts on a real (in-memory H2) database with the gateway's own migrations. */
class UsageRecorderTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T06:00:00Z"), ZoneOffset.UTC);

    private JdbcClient jdbc;
    private org.springframework.transaction.PlatformTransactionManager transactions;

    @BeforeEach
    void database() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(database).load().migrate();
        jdbc = JdbcClient.create(database);
        transactions = new org.springframework.jdbc.datasource.DataSourceTransactionManager(database);
    }

    private UsageRecorder recorder(UsageRepository repository) {
        return new UsageRecorder(repository, new SimpleMeterRegistry(), CLOCK);
    }

    @Test
    void countsAddedAgainAfterAnotherGatewayInsertedTheRowFirstAreCountedOnce() {
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        UsageRecorder usage = recorder(new UsageRepository(jdbc, transactions) {
            @Override
            void write(List<UsageRecorder.ClientDelta> clients, List<UsageRecorder.ToolDelta> tools) {
                super.write(clients, tools);
                if (attempts.incrementAndGet() == 1) {
                    // as PostgreSQL answers the gateway whose insert of the same new row came second
                    throw new org.springframework.dao.DuplicateKeyException("usage_client_pkey");
                }
            }
        });
        usage.sessionOpened("alice");
        usage.request("alice", "echo", false);

        McpUsage alice = usage.usage().get(0);

        assertThat(attempts).hasValue(2);
        assertThat(alice.sessions()).isEqualTo(1);
        assertThat(alice.requests()).isEqualTo(1);
        assertThat(alice.tools())
                .singleElement()
                .satisfies(echo -> assertThat(echo.calls()).isEqualTo(1));
    }

    @Test
    void totalsOutliveTheRecorderThatCountedThem() {
        UsageRecorder before = recorder(new UsageRepository(jdbc, transactions));
        before.sessionOpened("alice");
        before.request("alice", null, false);
        before.request("alice", "echo", false);
        before.request("alice", "echo", true);
        before.destroy();

        UsageRecorder after = recorder(new UsageRepository(jdbc, transactions));
        after.request("alice", "echo", false);

        McpUsage alice = after.usage().get(0);
        assertThat(alice.sessions()).isEqualTo(1);
        assertThat(alice.requests()).isEqualTo(4);
        assertThat(alice.errors()).isEqualTo(1);
        assertThat(alice.lastSeen()).isEqualTo(CLOCK.instant());
        assertThat(alice.tools()).singleElement().satisfies(echo -> {
            assertThat(echo.tool()).isEqualTo("echo");
            assertThat(echo.calls()).isEqualTo(3);
            assertThat(echo.errors()).isEqualTo(1);
        });
    }

    @Test
    void countsAreKeptForTheNextFlushWhenTheDatabaseFails() {
        AtomicBoolean down = new AtomicBoolean(true);
        UsageRepository flaky = new UsageRepository(jdbc, transactions) {
            @Override
            public void add(List<UsageRecorder.ClientDelta> clients, List<UsageRecorder.ToolDelta> tools) {
                if (down.get()) {
                    throw new IllegalStateException("database away");
                }
                super.add(clients, tools);
            }
        };
        UsageRecorder usage = recorder(flaky);
        usage.request("bob", "echo", false);
        usage.flush();
        down.set(false);

        assertThat(usage.usage()).singleElement().satisfies(bob -> {
            assertThat(bob.requests()).isEqualTo(1);
            assertThat(bob.tools())
                    .singleElement()
                    .satisfies(echo -> assertThat(echo.calls()).isEqualTo(1));
        });
    }

    @Test
    void onlyPlainBoundedToolNamesBecomeTagsTheRestCountAsOther() {
        UsageRecorder usage = recorder(new UsageRepository(jdbc, transactions));

        assertThat(usage.toolTag("alice", "read_file")).isEqualTo("read_file");
        assertThat(usage.toolTag("alice", "x".repeat(65))).isEqualTo(UsageRecorder.OTHER);
        assertThat(usage.toolTag("alice", "evil\"} 1\n# injected")).isEqualTo(UsageRecorder.OTHER);
        for (int i = 0; i < UsageRecorder.MAX_TOOLS; i++) {
            usage.toolTag("alice", "tool-" + i);
        }
        assertThat(usage.toolTag("alice", "one-too-many")).isEqualTo(UsageRecorder.OTHER);
        assertThat(usage.toolTag("alice", "read_file"))
                .as("a name already kept stays")
                .isEqualTo("read_file");
        assertThat(usage.toolTag("bob", "write_file"))
                .as("one client's made-up names leave another's budget alone")
                .isEqualTo("write_file");
    }

    @Test
    void aFlushWithNothingNewWritesNothing() {
        UsageRecorder usage = recorder(new UsageRepository(jdbc, transactions) {
            @Override
            public void add(List<UsageRecorder.ClientDelta> clients, List<UsageRecorder.ToolDelta> tools) {
                throw new AssertionError("nothing to write");
            }
        });

        assertThatCode(usage::flush).doesNotThrowAnyException();
    }
}
