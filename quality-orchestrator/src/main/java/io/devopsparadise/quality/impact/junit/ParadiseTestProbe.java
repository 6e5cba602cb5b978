package io.devopsparadise.quality.impact.junit;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Runs inside the project's test JVM, never in the orchestrator: a JUnit Platform listener that the orchestrator
 * puts on Surefire's test classpath (found by the Platform's service loader). It writes one JSON line per finished
 * test to {@code PARADISE_TEST_EVENTS}, the moment it finishes, in the format of the pytest plugin; and, when the
 * JaCoCo agent is in the JVM, the coverage of each top-level test class to {@code <PARADISE_TEST_COVERAGE><class>.exec},
 * resetting the agent after each class so every file holds that class's coverage only. The agent's own file still gets
 * everything: each part is dumped into it as well.
 */
public final class ParadiseTestProbe implements TestExecutionListener {

    private static final String EVENTS = System.getenv("PARADISE_TEST_EVENTS");
    private static final String COVERAGE = System.getenv("PARADISE_TEST_COVERAGE");
    private static final int MAX_MESSAGE = 300;
    /** What ran outside every test class: class loading, static initializers run by the engine. */
    public static final String SHARED = "_shared";

    private final Map<String, Long> startedAt = new ConcurrentHashMap<>();
    private volatile TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        startedAt.put(test.getUniqueId(), System.nanoTime());
        if (isTopLevelClass(test)) {
            dumpCoverage(SHARED);
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            event(testId(test), "call", "skipped", 0, null);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Long started = startedAt.remove(test.getUniqueId());
        double seconds = started == null ? 0 : (System.nanoTime() - started) / 1e9;
        String outcome = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL
                ? "passed"
                : result.getStatus() == TestExecutionResult.Status.ABORTED ? "skipped" : "failed";
        String message = result.getThrowable().map(ParadiseTestProbe::firstLine).orElse(null);
        if (test.isTest()) {
            event(testId(test), "call", outcome, seconds, message);
        } else if (isTopLevelClass(test)) {
            if (!"passed".equals(outcome)) {
                // a class whose set-up or tear-down failed (@BeforeAll, @AfterAll)
                event(className(test).orElse(test.getDisplayName()), "setup", outcome, 0, message);
            }
            className(test).ifPresent(ParadiseTestProbe::dumpCoverage);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        dumpCoverage(SHARED);
        write("{\"session\":true,\"stopped\":false}\n");
    }

    private boolean isTopLevelClass(TestIdentifier test) {
        TestPlan current = plan;
        return current != null
                && test.getSource().filter(ClassSource.class::isInstance).isPresent()
                && test.getParentId()
                        .flatMap(parent -> current.getTestIdentifier(parent).getParentId())
                        .isEmpty();
    }

    /** The test's top-level class and its name in the report: "pkg.Class#method()". */
    private String testId(TestIdentifier test) {
        return topLevelClass(test).orElse("?") + "#" + test.getLegacyReportingName();
    }

    private Optional<String> topLevelClass(TestIdentifier test) {
        TestPlan current = plan;
        TestIdentifier at = test;
        while (current != null) {
            if (isTopLevelClass(at)) {
                return className(at);
            }
            Optional<String> parent = at.getParentId();
            if (parent.isEmpty()) {
                return Optional.empty();
            }
            at = current.getTestIdentifier(parent.get());
        }
        return Optional.empty();
    }

    private static Optional<String> className(TestIdentifier test) {
        return test.getSource()
                .filter(ClassSource.class::isInstance)
                .map(source -> ((ClassSource) source).getClassName());
    }

    /** What the JaCoCo agent counted since its last reset, into the class's file and the agent's own; then a reset. */
    private static void dumpCoverage(String name) {
        if (COVERAGE == null || !name.matches("[A-Za-z0-9_.$-]{1,300}")) {
            return;
        }
        try {
            Class<?> api = Class.forName("org.jacoco.agent.rt.IAgent");
            Object agent = Class.forName("org.jacoco.agent.rt.RT")
                    .getMethod("getAgent")
                    .invoke(null);
            Method executionData = api.getMethod("getExecutionData", boolean.class);
            byte[] data = (byte[]) executionData.invoke(agent, false);
            api.getMethod("dump", boolean.class).invoke(agent, true);
            // forks append to the shared file at once: each part whole, under the file's lock
            try (FileOutputStream out = new FileOutputStream(COVERAGE + name + ".exec", true);
                    FileLock lock = out.getChannel().lock()) {
                out.write(data);
            }
        } catch (ReflectiveOperationException | IOException | LinkageError | RuntimeException noAgent) {
            // no JaCoCo agent in this JVM (the project sets its own argLine): the run has no per-class coverage
        }
    }

    private static void event(String id, String when, String outcome, double seconds, String message) {
        StringBuilder line = new StringBuilder("{\"id\":")
                .append(quote(id))
                .append(",\"when\":\"")
                .append(when)
                .append("\",\"outcome\":\"")
                .append(outcome)
                .append("\",\"seconds\":")
                .append(String.format(java.util.Locale.ROOT, "%.3f", seconds));
        if (message != null) {
            line.append(",\"message\":").append(quote(message));
        }
        write(line.append("}\n").toString());
    }

    /** One write per line on a file opened for appending: forks writing at once never mix their lines. */
    private static synchronized void write(String line) {
        if (EVENTS == null) {
            return;
        }
        try (OutputStream out = new FileOutputStream(EVENTS, true)) {
            out.write(line.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the events are for early failure reports; the Surefire reports still say how the tests went
        }
    }

    private static String firstLine(Throwable failure) {
        String text = failure.getClass().getName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        String line = text.lines().findFirst().orElse(text);
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) : line;
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
