package io.devopsparadise.gateway.support;

import io.devopsparadise.testsupport.RepoPaths;
import io.devopsparadise.testsupport.ServiceProcess;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy running the shipped configuration (docker/ha/haproxy.cfg) in front of gateway replicas, read
 * through its runtime API: which replicas it sees up, and how many requests it sent again to another one.
 */
public final class LoadBalancer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path socket;

    private LoadBalancer(Process process, int port, Path socket) {
        this.process = process;
        this.port = port;
        this.socket = socket;
    }

    public static LoadBalancer start(Path directory, int... gatewayPorts) throws Exception {
        int port = ServiceProcess.freePort();
        Path socket = directory.resolve("haproxy.sock");
        ProcessBuilder builder = new ProcessBuilder(
                        "haproxy",
                        "-db",
                        "-f",
                        RepoPaths.root().resolve("docker/ha/haproxy.cfg").toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("haproxy.log").toFile());
        builder.environment().put("PARADISE_LB_BIND", "127.0.0.1:" + port);
        builder.environment().put("PARADISE_LB_SOCKET", socket.toString());
        for (int i = 0; i < gatewayPorts.length; i++) {
            builder.environment().put("PARADISE_GATEWAY_" + (i + 1), "127.0.0.1:" + gatewayPorts[i]);
        }
        LoadBalancer balancer = new LoadBalancer(builder.start(), port, socket);
        try {
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(30))
                    .pollInterval(java.time.Duration.ofMillis(200))
                    .until(() -> !balancer.process.isAlive() || balancer.replicasUp() >= gatewayPorts.length);
        } catch (org.awaitility.core.ConditionTimeoutException slow) {
            // told below, with HAProxy's log
        }
        if (!balancer.process.isAlive() || balancer.replicasUp() < gatewayPorts.length) {
            balancer.close();
            throw new IllegalStateException(
                    "HAProxy did not see every gateway up; see " + directory.resolve("haproxy.log"));
        }
        return balancer;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The replicas HAProxy's health checks find up. */
    public long replicasUp() {
        return servers().stream().filter(s -> s.get("status").equals("UP")).count();
    }

    /** Whether replica {@code n} (1-based, as in the configuration) is up. */
    public boolean isUp(int n) {
        return servers().stream()
                .anyMatch(
                        s -> s.get("svname").equals("gw" + n) && s.get("status").equals("UP"));
    }

    /** Requests replica {@code n} was sent. */
    public long requestsTo(int n) {
        return servers().stream()
                .filter(s -> s.get("svname").equals("gw" + n))
                .mapToLong(s -> Long.parseLong(s.get("stot")))
                .sum();
    }

    /** Requests HAProxy sent again to another replica after the one it chose failed them. */
    public long redispatched() {
        return servers().stream()
                .mapToLong(s -> Long.parseLong(s.get("wredis").isEmpty() ? "0" : s.get("wredis")))
                .sum();
    }

    private List<Map<String, String>> servers() {
        List<String> lines;
        try {
            lines = command("show stat").lines().toList();
        } catch (IOException notYet) {
            return List.of();
        }
        if (lines.isEmpty() || !lines.get(0).startsWith("# ")) {
            return List.of();
        }
        List<String> names = Arrays.asList(lines.get(0).substring(2).split(","));
        return lines.stream()
                .skip(1)
                .map(line -> line.split(",", -1))
                .filter(fields -> fields.length >= names.size() && fields[1].startsWith("gw"))
                .map(fields -> {
                    Map<String, String> row = new HashMap<>();
                    for (int i = 0; i < names.size(); i++) {
                        row.put(names.get(i), fields[i]);
                    }
                    return row;
                })
                .toList();
    }

    private String command(String command) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
            StringBuilder answer = new StringBuilder();
            ByteBuffer buffer = ByteBuffer.allocate(16_384);
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                answer.append(StandardCharsets.US_ASCII.decode(buffer));
                buffer.clear();
            }
            return answer.toString();
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
