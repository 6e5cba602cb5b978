package io.devopsparadise.quality.impact;

import io.devopsparadise.contracts.instances.ExecResult;
import io.devopsparadise.contracts.quality.TestPlan;
import io.devopsparadise.quality.detection.WorkspaceDetector;
import io.devopsparadise.quality.reportdir.ReportDirectory;
import io.devopsparadise.quality.runners.PytestRunner;
import io.devopsparadise.quality.runners.RunContext;
import io.devopsparadise.quality.runners.Toolbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Planned pytest runs on this machine, the way the service runs them in a process instance: Debian's python3 with
 * pytest, pytest-cov and pytest-xdist, the impact map in a real H2 database, commands run as local processes from the
 * workspace's root. Tests and the benchmark share it.
 */
final class LocalRuns {

    static final String PYTHON = "/usr/bin/python3";

    private final Path workspace;
    private final Path copies;
    private final TestImpact impact;

    LocalRuns(Path workspace, Path copies, Duration parallelAbove) {
        this.workspace = workspace;
        this.copies = copies;
        this.impact = new TestImpact(store(), Clock.systemUTC(), parallelAbove);
    }

    LocalRuns(Path workspace, Path copies) {
        this(workspace, copies, Duration.ofHours(1));
    }

    /** One planned run of pytest; its plan and its failures as the listener heard them. */
    Run run(ImpactRequest request) {
        String runId = UUID.randomUUID().toString();
        ReportDirectory reports = ReportDirectory.create(workspace, runId, copies.resolve(runId), 64L * 1024 * 1024);
        RunContext context = new RunContext(
                runId,
                Instant.now(),
                new WorkspaceDetector().detect(workspace),
                workspace.toString(),
                ".paradise/reports/" + runId,
                List.of(),
                null,
                new Toolbox(PYTHON, null, null, null, null, null),
                false,
                reports);
        Run run = new Run();
        long started = System.nanoTime();
        run.outcome = impact.run(new PytestRunner(), context, request, this::exec, new ImpactListener() {
            @Override
            public void planned(TestPlan plan) {
                run.plan = plan;
            }

            @Override
            public void testFailed(String tool, String testId, String message) {
                long elapsed = (System.nanoTime() - started) / 1_000_000;
                run.failures.add(testId);
                run.failedAtMillis.putIfAbsent(testId, elapsed);
                if (run.firstFailureMillis < 0) {
                    run.firstFailureMillis = elapsed;
                }
            }
        });
        run.millis = (System.nanoTime() - started) / 1_000_000;
        return run;
    }

    static final class Run {
        TestPlan plan;
        io.devopsparadise.contracts.quality.ToolOutcome outcome;
        final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        /** node id → when its failure was heard, from the run's start */
        final Map<String, Long> failedAtMillis = new java.util.concurrent.ConcurrentHashMap<>();

        long firstFailureMillis = -1;
        long millis;
    }

    static ImpactRequest changed() {
        return new ImpactRequest(true, null, null, false, Duration.ofMinutes(10));
    }

    static ImpactRequest full() {
        return new ImpactRequest(false, null, null, false, Duration.ofMinutes(10));
    }

    private static ImpactStore store() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:impact-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return new ImpactStore(
                JdbcClient.create(dataSource), JsonMapper.builder().build());
    }

    /** Runs a command from the workspace's root, as the process runtime's exec does. */
    ExecResult exec(List<String> command, Map<String, String> environment, Duration timeout) {
        return run(workspace, command, environment, timeout);
    }

    static ExecResult run(Path directory, List<String> command, Map<String, String> environment, Duration timeout) {
        try {
            Path out = Files.createTempFile("exec", ".out");
            Path err = Files.createTempFile("exec", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(environment);
            long started = System.nanoTime();
            Process process = builder.start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            ExecResult result = new ExecResult(
                    finished ? process.exitValue() : -1,
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8),
                    (System.nanoTime() - started) / 1_000_000,
                    !finished);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return result;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
