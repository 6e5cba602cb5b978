package io.devopsparadise.gateway.support;

import io.devopsparadise.gateway.GatewayApplication;
import io.devopsparadise.testsupport.Http;
import io.devopsparadise.testsupport.InProcessApps;
import io.devopsparadise.testsupport.InstanceManagerProcess;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real gateway (Spring context, Netty on a random port) in front of a real instance-manager. */
public final class GatewayContext implements AutoCloseable {

    public static final String ADMIN_TOKEN = "pda_test-admin-token-0123456789abcdefghijklmnop";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext context;

    private GatewayContext(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static GatewayContext start(Path home, InstanceManagerProcess manager, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--paradise.gateway.home=" + home,
                "--paradise.gateway.instance-manager-url=" + manager.url(""),
                "--paradise.gateway.admin-token=" + ADMIN_TOKEN,
                "--paradise.gateway.provision-timeout=90s"));
        args.addAll(List.of(extra));
        return new GatewayContext(
                InProcessApps.builder(GatewayApplication.class).run(args.toArray(String[]::new)));
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Registers a client and returns its token. */
    public String register(String name, Path workspace, String backendProfile) throws Exception {
        HttpResponse<String> response = admin(
                "POST",
                "/api/clients",
                Map.of("name", name, "workspace", workspace.toString(), "backendProfile", backendProfile));
        if (response.statusCode() != 201) {
            throw new AssertionError(
                    "registering " + name + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("token").asString();
    }

    public HttpResponse<String> admin(String method, String path, Object body) throws Exception {
        return request(method, path, "Bearer " + ADMIN_TOKEN, body);
    }

    public HttpResponse<String> request(String method, String path, String authorization, Object body)
            throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(path)))
                .timeout(java.time.Duration.ofMinutes(3))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(
                                        body instanceof String s ? s : JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        // a connection of its own: Reactor Netty 1.3.6 can stop reading a keep-alive connection whose next request
        // arrives while the previous one is finishing (reactor/reactor-netty#4361), which left admin calls unanswered
        return Http.client().send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    @Override
    public void close() {
        context.close();
    }
}
