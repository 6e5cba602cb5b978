package io.devopsparadise.testsupport;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real instance-manager as its own process, with test-friendly timings; closing it deletes its instances first. */
public final class InstanceManagerProcess extends ServiceProcess {

    private static final HttpClient HTTP = Http.client();

    private final Path home;

    private InstanceManagerProcess(Path home, List<String> arguments) throws Exception {
        super("instance-manager", RepoPaths.serviceJar("instance-manager"), home, arguments);
        this.home = home;
    }

    public static InstanceManagerProcess start(Path home, Path workspaceRoot, String... extra) throws Exception {
        var slice = PortSlices.forManager(home);
        if (slice.isPresent()
                && java.util.Arrays.stream(extra).noneMatch(a -> a.startsWith("--paradise.instances.port-"))) {
            List<String> tolerant = new ArrayList<>(List.of(extra));
            if (tolerant.stream().noneMatch(a -> a.startsWith("--paradise.instances.health.timeout"))) {
                // two test classes share the two cores: a probe may wait its turn longer than the default 3 s
                tolerant.add("--paradise.instances.health.timeout=10s");
            }
            return startWithPorts(
                    slice.get().from(), slice.get().to(), home, workspaceRoot, tolerant.toArray(String[]::new));
        }
        List<String> arguments = new ArrayList<>(List.of(
                "--paradise.instances.home=" + home,
                "--paradise.instances.allowed-workspace-roots=" + workspaceRoot,
                "--paradise.node-modules=" + RepoPaths.nodeModules(),
                "--paradise.code-backend=" + RepoPaths.codeBackend(),
                "--paradise.instances.default-profile=everything",
                "--paradise.instances.max-instances=100",
                "--paradise.instances.health.interval=300ms",
                "--paradise.instances.restart.initial-backoff=200ms"));
        arguments.addAll(List.of(extra));
        return new InstanceManagerProcess(home, arguments);
    }

    /**
     * A manager whose instances get ports {@code from}..{@code to} only: test classes that run at the same time give
     * their managers ranges apart, since a manager knows only its own leases.
     */
    public static InstanceManagerProcess startWithPorts(
            int from, int to, Path home, Path workspaceRoot, String... extra) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(extra));
        arguments.add("--paradise.instances.port-from=" + from);
        arguments.add("--paradise.instances.port-to=" + to);
        return start(home, workspaceRoot, arguments.toArray(String[]::new));
    }

    /** Instance ids currently known to the manager. */
    public List<String> instanceIds() throws Exception {
        List<String> ids = new ArrayList<>();
        Matcher matcher = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(get("/api/instances"));
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    public void deleteAllInstances() throws Exception {
        for (String id : instanceIds()) {
            HTTP.send(
                    HttpRequest.newBuilder(url("/api/instances/" + id))
                            .header("Authorization", ServiceCredential.authorization())
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    @Override
    public void close() throws Exception {
        try {
            deleteAllInstances();
            super.close();
        } finally {
            PortSlices.release(home);
        }
    }
}
