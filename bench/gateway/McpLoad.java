import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load generator for MCP over Streamable HTTP: SESSIONS concurrent sessions, each initializes and then makes
 * CALLS tools/call echo requests one after another. Prints one JSON line with latency percentiles and throughput.
 * Each session first makes WARMUP untimed calls, so that every path (and this JVM) is measured warm.
 * Run as a single-file program: java McpLoad.java URL TOKEN|- SESSIONS CALLS [WARMUP]
 */
public class McpLoad {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"mcp-load\",\"version\":\"1\"}}}";

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String token = args[1].equals("-") ? null : args[1];
        int sessions = Integer.parseInt(args[2]);
        int calls = Integer.parseInt(args[3]);
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 100;
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ready = new CountDownLatch(sessions);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(sessions);
        for (int s = 0; s < sessions; s++) {
            int session = s;
            Thread thread = new Thread(() -> {
                try {
                    String sid = initialize(url, token);
                    for (int warm = 0; warm < warmup; warm++) {
                        call(url, token, sid, session, -warm - 1);
                    }
                    ready.countDown();
                    go.await();
                    for (int i = 0; i < calls; i++) {
                        long t0 = System.nanoTime();
                        String error = call(url, token, sid, session, i);
                        latencies.add(System.nanoTime() - t0);
                        if (error != null) {
                            errors.incrementAndGet();
                            if (firstErrors.size() < 3) firstErrors.add(error);
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    if (firstErrors.size() < 3) firstErrors.add(e.toString());
                    ready.countDown();
                } finally {
                    done.countDown();
                }
            });
            thread.start();
        }
        ready.await();
        long started = System.nanoTime();
        go.countDown();
        done.await();
        double wallSeconds = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("{\"calls\":%d,\"errors\":%d,\"p50us\":%.0f,\"p99us\":%.0f,\"throughput\":%.1f,\"wallSeconds\":%.2f,\"firstErrors\":%s}%n",
                sorted.size(), errors.get(), pct(sorted, 0.50) / 1e3, pct(sorted, 0.99) / 1e3, sorted.size() / wallSeconds, wallSeconds,
                firstErrors.stream().map(e -> "\"" + e.replace("\"", "'").replace("\n", " ") + "\"").toList());
    }

    static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p)));
    }

    static HttpRequest.Builder request(String url, String token, String sid, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) builder.header("Authorization", "Bearer " + token);
        if (sid != null) builder.header("Mcp-Session-Id", sid).header("MCP-Protocol-Version", "2025-06-18");
        return builder;
    }

    static String initialize(String url, String token) throws Exception {
        HttpResponse<String> response = HTTP.send(request(url, token, null, INIT).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException("initialize: HTTP " + response.statusCode() + " " + response.body());
        String sid = response.headers().firstValue("Mcp-Session-Id").orElse(null);
        HTTP.send(request(url, token, sid, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").build(), HttpResponse.BodyHandlers.discarding());
        return sid;
    }

    static String call(String url, String token, String sid, int session, int i) throws Exception {
        String message = "s" + session + "-" + i;
        String body = "{\"jsonrpc\":\"2.0\",\"id\":" + (i + 1000) + ",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"message\":\"" + message + "\"}}}";
        HttpResponse<String> response = HTTP.send(request(url, token, sid, body).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("Echo: " + message)) {
            return "HTTP " + response.statusCode() + ": " + response.body();
        }
        return null;
    }
}
