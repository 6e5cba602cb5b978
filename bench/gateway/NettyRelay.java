import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.List;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * The floor for a Java relay on the gateway's own stack: a Reactor Netty server whose handler forwards each request
 * to one backend with a Reactor Netty client on the same event loops, copying the MCP headers both ways, and
 * nothing else (no authentication, sessions, metrics or resilience). A baseline for the benchmark, never a product.
 * Run as a single-file program on the gateway's classpath: java -cp CP NettyRelay.java PORT BACKEND_BASE_URL
 */
public class NettyRelay {

    static final List<String> REQUEST_HEADERS =
            List.of("content-type", "accept", "mcp-session-id", "mcp-protocol-version", "last-event-id");
    static final List<String> RESPONSE_HEADERS =
            List.of("content-type", "content-length", "mcp-session-id", "cache-control");

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String backend = args[1];
        HttpClient client = HttpClient.create(ConnectionProvider.create("relay", 1024)).keepAlive(true);
        DisposableServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(port)
                .handle((request, response) -> client.headers(headers -> {
                            for (String name : REQUEST_HEADERS) {
                                String value = request.requestHeaders().get(name);
                                if (value != null) {
                                    headers.set(name, value);
                                }
                            }
                        })
                        .request(request.method())
                        .uri(backend + request.uri())
                        .send(request.receive().retain())
                        .response((answer, body) -> {
                            response.status(answer.status());
                            for (String name : RESPONSE_HEADERS) {
                                String value = answer.responseHeaders().get(name);
                                if (value != null) {
                                    response.header(name, value);
                                }
                            }
                            if (!answer.responseHeaders().contains(HttpHeaderNames.CONTENT_LENGTH)) {
                                response.chunkedTransfer(true);
                            }
                            return response.send(body.retain());
                        })
                        .then())
                .bindNow();
        System.err.println("relay listening on " + server.port());
        server.onDispose().block();
    }
}
