package io.devopsparadise.quality.runs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * The workers that run tools, shared by every run: each client has its own queue, and a free worker serves the
 * client served longest ago, so that a client with many tools queued does not make the others wait behind all of them.
 */
final class FairToolPool {

    private final Map<String, Deque<FutureTask<?>>> queues = new LinkedHashMap<>();
    private final Map<String, Long> lastServed = new HashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    private long served;
    private boolean stopped;

    FairToolPool(int workers) {
        for (int i = 0; i < workers; i++) {
            Thread worker = new Thread(this::work, "quality-tool-" + i);
            worker.setDaemon(true);
            worker.start();
            this.workers.add(worker);
        }
    }

    synchronized Future<?> submit(String clientId, Runnable tool) {
        FutureTask<?> task = new FutureTask<>(tool, null);
        queues.computeIfAbsent(clientId, client -> new ArrayDeque<>()).addLast(task);
        notifyAll();
        return task;
    }

    synchronized void stop() {
        stopped = true;
        queues.values().forEach(queue -> queue.forEach(task -> task.cancel(false)));
        queues.clear();
        workers.forEach(Thread::interrupt);
        notifyAll();
    }

    private void work() {
        while (true) {
            FutureTask<?> task;
            try {
                task = next();
            } catch (InterruptedException e) {
                return;
            }
            if (task == null) {
                return;
            }
            task.run();
            Thread.interrupted();
        }
    }

    /** The oldest task of the client served longest ago (a client never served before first). */
    private synchronized FutureTask<?> next() throws InterruptedException {
        while (!stopped) {
            String client = null;
            for (var queue : queues.entrySet()) {
                if (client == null
                        || lastServed.getOrDefault(queue.getKey(), -1L) < lastServed.getOrDefault(client, -1L)) {
                    client = queue.getKey();
                }
            }
            if (client == null) {
                wait();
                continue;
            }
            Deque<FutureTask<?>> queue = queues.get(client);
            FutureTask<?> task = queue.pollFirst();
            if (queue.isEmpty()) {
                queues.remove(client);
            }
            if (!task.isDone()) {
                lastServed.put(client, ++served);
                return task;
            }
        }
        return null;
    }
}
