package io.devopsparadise.instances.runtime;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops a process and everything it started: politely first, then by force. */
public final class ProcessTree {

    private static final long GRACE_MILLIS = 5_000;

    private ProcessTree() {}

    public static void stop(ProcessHandle root) {
        List<ProcessHandle> tree = new java.util.ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.currentTimeMillis() + GRACE_MILLIS;
        for (ProcessHandle process : tree) {
            long left = Math.max(1, deadline - System.currentTimeMillis());
            try {
                process.onExit().get(left, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
    }
}
