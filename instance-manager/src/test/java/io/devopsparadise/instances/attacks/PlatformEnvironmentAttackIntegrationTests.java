package io.devopsparadise.instances.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.RepoPaths;
import io.devopsparadise.testsupport.ServiceCredential;
import io.devopsparadise.testsupport.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform started with credentials in its environment, as an operator's shell often has them: a process
 * instance asked for its environment (the reference server's get-env tool, over MCP) and an exec of env must
 * show none of them. The manager runs from its jar, as in production, so that its environment is its own.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class PlatformEnvironmentAttackIntegrationTests {

    private static final String SECRET = "s3cr3t-" + System.nanoTime();
    private static final HttpClient HTTP = Http.client();
    private static final String SAFE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    @TempDir
    Path home;

    @TempDir
    Path workspaces;

    private Process manager;
    private int port;

    @AfterEach
    void stop() throws Exception {
        if (manager != null) {
            for (Matcher ids = Pattern.compile("\"id\":\"([^\"]+)\"")
                            .matcher(api("GET", "/api/instances", null).body());
                    ids.find(); ) {
                api("DELETE", "/api/instances/" + ids.group(1), null);
            }
            manager.destroy();
            manager.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void noCodeInAProcessInstanceSeesThePlatformsEnvironment() throws Exception {
        startManager();
        Path workspace = Files.createDirectories(workspaces.resolve("env"));
        HttpResponse<String> created = api(
                "POST",
                "/api/instances?waitSeconds=60",
                "{\"clientId\":\"env-reader\",\"workspace\":\"" + workspace + "\",\"profile\":\"everything-process\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = field(created.body(), "id");
        String mcpUrl = field(created.body(), "mcpUrl");

        String seenByServer = callGetEnv(mcpUrl);
        HttpResponse<String> env = api(
                "POST", "/api/instances/" + id + "/exec", "{\"command\":[\"env\"],\"env\":{\"FROM_REQUEST\":\"yes\"}}");

        assertThat(seenByServer).as("get-env answered").contains("PATH").contains("PORT");
        assertThat(env.body()).as("exec of env answered").contains("PATH=").contains("FROM_REQUEST=yes");
        for (String answer : List.of(seenByServer, env.body())) {
            assertThat(answer)
                    .doesNotContain(SECRET)
                    .doesNotContain("PARADISE_")
                    .doesNotContain("SECRET_API_KEY")
                    .contains(SAFE_PATH);
        }
    }

    private void startManager() throws Exception {
        port = ServiceProcess.freePort();
        ProcessBuilder builder = new ProcessBuilder(
                        "java",
                        "-jar",
                        RepoPaths.serviceJar("instance-manager").toString(),
                        "--server.port=" + port,
                        "--paradise.instances.home=" + home,
                        "--paradise.instances.allowed-workspace-roots=" + workspaces,
                        "--paradise.node-modules=" + RepoPaths.nodeModules())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("manager.out").toFile());
        builder.environment().put("PARADISE_HOME", home.toString());
        builder.environment()
                .put("PARADISE_SERVICE_TOKEN_FILE", ServiceCredential.file().toString());
        builder.environment().put("PARADISE_ADMIN_TOKEN", SECRET);
        builder.environment().put("SECRET_API_KEY", SECRET);
        builder.environment().put("PATH", "/opt/platform-only/bin:" + System.getenv("PATH"));
        manager = builder.start();
        await("manager healthy within 90 s; see " + home.resolve("manager.out"))
                .atMost(java.time.Duration.ofSeconds(90))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> {
                    assertThat(manager.isAlive())
                            .as("manager running; see " + home.resolve("manager.out"))
                            .isTrue();
                    return healthy();
                });
    }

    private boolean healthy() {
        try {
            return HTTP.send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private HttpResponse<String> api(String method, String path, String body) throws Exception {
        return Http.send(method, URI.create("http://127.0.0.1:" + port + path), body);
    }

    /** initialize, initialized, then tools/call get-env, as an MCP client would over Streamable HTTP. */
    private static String callGetEnv(String mcpUrl) throws Exception {
        HttpResponse<String> init = mcp(
                mcpUrl,
                null,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                        + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"attacker\",\"version\":\"1\"}}}");
        String session = init.headers()
                .firstValue("mcp-session-id")
                .orElseThrow(() -> new AssertionError("no session: " + init.body()));
        mcp(mcpUrl, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return mcp(
                        mcpUrl,
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"get-env\",\"arguments\":{}}}")
                .body();
    }

    private static HttpResponse<String> mcp(String url, String session, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(java.time.Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2025-06-18")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(matcher.find()).as(name + " in " + json).isTrue();
        return matcher.group(1);
    }
}
