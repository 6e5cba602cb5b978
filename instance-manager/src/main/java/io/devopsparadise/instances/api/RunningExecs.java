package io.devopsparadise.instances.api;

import io.devopsparadise.contracts.instances.InstanceManagerApi;
import io.devopsparadise.instances.lifecycle.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Execs in flight that their caller named (header {@value #HEADER}), so that the caller can cancel one by its id
 * without closing the connection: a Java HttpClient that gives up on a call still waiting for its answer's headers
 * leaves the connection open, and the command would run to its end. A cancel that arrives before its exec is
 * remembered (the last {@value #REMEMBERED_CANCELS}), and the exec is then refused.
 */
@Component
class RunningExecs {

    static final String HEADER = InstanceManagerApi.EXEC_ID_HEADER;
    static final int REMEMBERED_CANCELS = 1024;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Map<Key, ExecCall> running = new ConcurrentHashMap<>();
    private final Map<Key, Boolean> cancelledEarly = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
            return size() > REMEMBERED_CANCELS;
        }
    };

    /** Checks a caller's exec id: 1 to 64 letters, digits, '-' or '_'. */
    static void check(String execId) {
        if (!ID.matcher(execId).matches()) {
            throw new InvalidRequestException(HEADER + " must be 1 to 64 letters, digits, '-' or '_'");
        }
    }

    /**
     * Registers a starting exec; false when it was cancelled before it arrived (the caller
     * should not start it).
     */
    boolean register(String instanceId, String execId, ExecCall call) {
        Key key = new Key(instanceId, execId);
        synchronized (cancelledEarly) {
            if (cancelledEarly.remove(key) != null) {
                return false;
            }
            if (running.putIfAbsent(key, call) != null) {
                throw new ExecCancelledException(
                        "exec " + execId + " is already running in instance " + instanceId + "; name each exec once");
            }
        }
        return true;
    }

    /** The exec ended: its id is free again (only the registration given, never another exec's of the same id). */
    void finished(String instanceId, String execId, ExecCall call) {
        running.remove(new Key(instanceId, execId), call);
    }

    /** Cancels the exec, or remembers the cancel for an exec that has not arrived yet. */
    void cancel(String instanceId, String execId) {
        Key key = new Key(instanceId, execId);
        ExecCall call;
        synchronized (cancelledEarly) {
            call = running.remove(key);
            if (call == null) {
                cancelledEarly.put(key, Boolean.TRUE);
            }
        }
        if (call != null) {
            call.cancel();
        }
    }

    int running() {
        return running.size();
    }

    private record Key(String instanceId, String execId) {}
}
