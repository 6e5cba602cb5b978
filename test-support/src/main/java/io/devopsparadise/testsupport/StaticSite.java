package io.devopsparadise.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A directory served over HTTP on a free loopback port: the "running application" E2E, API and performance tools
 * test. GET only; paths stay inside the directory; a directory answers with its index.html.
 */
public final class StaticSite implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of(
            "html",
            "text/html; charset=utf-8",
            "json",
            "application/json",
            "js",
            "text/javascript",
            "css",
            "text/css",
            "svg",
            "image/svg+xml",
            "png",
            "image/png");

    private final HttpServer server;

    private StaticSite(HttpServer server) {
        this.server = server;
    }

    public static StaticSite serve(Path directory) throws IOException {
        Path root = directory.toAbsolutePath().normalize();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> answer(exchange, root));
        server.start();
        return new StaticSite(server);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange, Path root) throws IOException {
        try (exchange) {
            Path file = root.resolve(exchange.getRequestURI().getPath().substring(1))
                    .normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!"GET".equals(exchange.getRequestMethod()) || !file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders("GET".equals(exchange.getRequestMethod()) ? 404 : 405, -1);
                return;
            }
            String name = file.getFileName().toString();
            exchange.getResponseHeaders()
                    .set(
                            "Content-Type",
                            TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream"));
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
