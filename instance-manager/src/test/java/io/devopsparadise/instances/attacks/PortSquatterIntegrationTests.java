package io.devopsparadise.instances.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.devopsparadise.contracts.instances.InstanceEvent;
import io.devopsparadise.contracts.instances.InstanceState;
import io.devopsparadise.contracts.instances.InstanceView;
import io.devopsparadise.instances.events.InstanceEventBus;
import io.devopsparadise.instances.support.ManagerContext;
import io.devopsparadise.testsupport.RepoPaths;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another local user's program binds a process instance's port before the instance does (the ports 8200–8299 are open
 * to every local user) and answers like an MCP server: it must never pass for the instance, whose client's calls it
 * would receive. The instance is a real fast echo MCP server that waits two seconds before it listens; the squatter is
 * a real HTTP server on its port.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PortSquatterIntegrationTests {

    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},\
            "clientInfo":{"name":"test","version":"1"}}}""";

    @TempDir
    Path home;

    @TempDir
    Path workspaces;

    private ManagerContext manager;
    private HttpServer squatter;

    @AfterEach
    void cleanUp() {
        if (squatter != null) {
            squatter.stop(0);
        }
        if (manager != null) {
            manager.deleteAll();
            manager.close();
        }
    }

    @Test
    void aProgramOnAnInstancesPortNeverPassesForItAndTheInstanceMovesToOtherPorts() throws Exception {
        manager = ManagerContext.start(
                home,
                workspaces,
                "paradise.instances.profiles.late-echo.engine=process",
                "paradise.instances.profiles.late-echo.command[0]=/bin/sh",
                "paradise.instances.profiles.late-echo.command[1]=-c",
                "paradise.instances.profiles.late-echo.command[2]=sleep 2; exec node \"$0\" http",
                "paradise.instances.profiles.late-echo.command[3]="
                        + RepoPaths.root().resolve("tools/node/fast-echo-server.mjs"),
                "paradise.instances.profiles.late-echo.env.PORT={port}");
        Path workspace = Files.createDirectories(workspaces.resolve("alice"));
        Files.setPosixFilePermissions(workspace, PosixFilePermissions.fromString("rwxr-xr-x"));

        InstanceView starting =
                manager.provision("alice", workspace, "late-echo", 0).getBody();
        int port = starting.ports().get("mcp");
        AtomicInteger squatted = new AtomicInteger();
        squatter = squat(port, squatted);

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    InstanceView now = manager.get(starting.id());
                    return now.state() == InstanceState.HEALTHY && now.ports().get("mcp") != port;
                });

        InstanceView moved = manager.get(starting.id());
        assertThat(serverName(moved.mcpUrl()))
                .as("the instance itself answers on its new port")
                .isEqualTo("fast-echo");
        assertThat(squatted.get())
                .as("the squatter was asked, as the monitor probed")
                .isPositive();
        List<InstanceEvent> events = manager.bean(InstanceEventBus.class).recent().stream()
                .filter(event -> event.instanceId().equals(starting.id()))
                .toList();
        int firstRestart = events.stream().map(InstanceEvent::type).toList().indexOf(InstanceEvent.Type.RESTARTED);
        assertThat(firstRestart).as("restarted: %s", events).isPositive();
        assertThat(events.subList(0, firstRestart))
                .as("never HEALTHY on the squatted port")
                .extracting(InstanceEvent::to)
                .doesNotContain(InstanceState.HEALTHY);
        assertThat(events.subList(0, firstRestart))
                .extracting(InstanceEvent::message)
                .anyMatch(message -> message.contains("port " + port + " is held by another program"));
    }

    /** Answers every request as an MCP server would answer initialize. */
    private static HttpServer squat(int port, AtomicInteger requests) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] body = """
                    {"jsonrpc":"2.0","id":"paradise-health","result":{"protocolVersion":"2025-06-18","capabilities":{},\
                    "serverInfo":{"name":"squatter","version":"1"}}}""".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String serverName(String mcpUrl) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(mcpUrl))
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json, text/event-stream")
                                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().replaceAll("(?s).*\"serverInfo\":\\{\"name\":\"([^\"]+)\".*", "$1");
    }
}
