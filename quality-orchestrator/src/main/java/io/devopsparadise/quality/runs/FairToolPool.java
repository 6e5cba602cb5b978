package io.devopsparadise.quality.runs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * The workers that run tools, shared by every run: each client has its own queue, and the workers take from the
 * clients in turn, so that a client with many tools queued does not make the others wait behind all of them.
 */
final class FairToolPool {

    private final Map<String, Deque<FutureTask<?>>> queues = new LinkedHashMap<>();
    private final List<Thread> workers = new ArrayList<>();
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

    /** The oldest task of the client served longest ago; that client then goes to the back of the turn. */
    private synchronized FutureTask<?> next() throws InterruptedException {
        while (!stopped) {
            var clients = queues.entrySet().iterator();
            if (clients.hasNext()) {
                var first = clients.next();
                FutureTask<?> task = first.getValue().pollFirst();
                clients.remove();
                if (!first.getValue().isEmpty()) {
                    queues.put(first.getKey(), first.getValue());
                }
                if (task != null && !task.isDone()) {
                    return task;
                }
                continue;
            }
            wait();
        }
        return null;
    }
}
