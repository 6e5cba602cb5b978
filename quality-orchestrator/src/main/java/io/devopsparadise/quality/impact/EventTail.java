package io.devopsparadise.quality.impact;

import io.devopsparadise.quality.reportdir.ReportDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Follows the test event log while the tests run, reading what was appended every {@value #POLL_MILLIS} ms, so a
 * failing test is heard well within a second of failing. Closing it stops following; {@link #drain()} reads the rest.
 */
final class EventTail implements AutoCloseable {

    static final long POLL_MILLIS = 200;
    private static final int CHUNK = 1024 * 1024;
    static final int MAX_EVENTS = 1_000_000;

    private final ReportDirectory reports;
    private final String name;
    private final Consumer<TestEvent> listener;
    private final TestEvents parser = new TestEvents();
    private final List<TestEvent> seen = new ArrayList<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "test-event-tail");
        thread.setDaemon(true);
        return thread;
    });
    private long offset;

    private EventTail(ReportDirectory reports, String name, Consumer<TestEvent> listener) {
        this.reports = reports;
        this.name = name;
        this.listener = listener;
    }

    static EventTail follow(ReportDirectory reports, String name, Consumer<TestEvent> listener) {
        EventTail tail = new EventTail(reports, name, listener);
        tail.poller.scheduleWithFixedDelay(tail::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        return tail;
    }

    /** Stops following and reads what is left; every event seen, in order. */
    List<TestEvent> drain() {
        poller.shutdown();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        poll();
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    private synchronized void poll() {
        try {
            byte[] read;
            do {
                read = reports.readFrom(name, offset, CHUNK).orElse(new byte[0]);
                offset += read.length;
                for (TestEvent event : parser.feed(read)) {
                    record(event);
                }
            } while (read.length == CHUNK);
        } catch (RuntimeException e) {
            // the tested code replaced the log: the events so far stand, the rest is not read
            poller.shutdown();
        }
    }

    private void record(TestEvent event) {
        synchronized (seen) {
            if (seen.size() >= MAX_EVENTS) {
                return;
            }
            seen.add(event);
        }
        listener.accept(event);
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
