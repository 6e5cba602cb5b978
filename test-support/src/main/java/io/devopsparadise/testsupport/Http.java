package io.devopsparadise.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Plain HTTP calls the integration tests make against the services' APIs. */
public final class Http {

    private static final HttpClient CLIENT = client();

    private Http() {}

    /**
     * An HTTP/1.1 client with a connect timeout, for every test. The JDK's default tries an h2c upgrade on the first
     * request of a plain-http connection, which once left a request without an answer in CI.
     */
    public static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(java.time.Duration.ofSeconds(5))
                .build();
    }

    /** Sends a JSON body (or none) with the service credential, as one service calls another, and returns the answer as text. */
    public static HttpResponse<String> send(String method, URI uri, String body) throws Exception {
        return sendDiagnosed(request(method, uri, body)
                .header("Authorization", ServiceCredential.authorization())
                .build());
    }

    /** Sends a JSON body (or none) with the given {@code Authorization} value, for a platform the test did not start. */
    public static HttpResponse<String> send(String method, URI uri, String body, String authorization)
            throws Exception {
        return sendDiagnosed(request(method, uri, body)
                .header("Authorization", authorization)
                .build());
    }

    /** Sends a JSON body (or none) with no credential at all, as an attacker would. */
    public static HttpResponse<String> sendAnonymous(String method, URI uri, String body) throws Exception {
        return sendDiagnosed(request(method, uri, body).build());
    }

    /**
     * A request that gets no answer in time fails with what Linux says of the server's sockets on that port: whether
     * the connection waits in the listening socket's accept queue (Recv-Q of the LISTEN line), or was accepted with the
     * request still unread (Recv-Q of the server's ESTABLISHED line), or was read and not answered.
     */
    private static HttpResponse<String> sendDiagnosed(HttpRequest request) throws Exception {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpTimeoutException timedOut) {
            throw new java.net.http.HttpTimeoutException(timedOut.getMessage() + ": " + request.method() + " "
                    + request.uri() + "\n" + socketsOn(request.uri().getPort()));
        }
    }

    private static String socketsOn(int port) {
        try {
            Process ss = new ProcessBuilder("ss", "-tanpi", "( sport = :" + port + " or dport = :" + port + " )")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(ss.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            ss.waitFor();
            return "ss -tanpi on port " + port + ":\n" + out;
        } catch (Exception unavailable) {
            return "(ss could not tell: " + unavailable + ")";
        }
    }

    private static HttpRequest.Builder request(String method, URI uri, String body) {
        return HttpRequest.newBuilder(uri)
                .timeout(java.time.Duration.ofMinutes(3))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }

    public static HttpResponse<String> get(URI uri) throws Exception {
        return send("GET", uri, null);
    }

    /**
     * The status of a GET that names {@code host} in its {@code Host} header, as a browser does after a DNS rebinding
     * attack (the JDK's client will not send a Host of one's choosing, so this speaks HTTP/1.1 over a socket).
     */
    public static int statusWithHost(URI uri, String host, String authorization) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            String request = "GET " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + " HTTP/1.1\r\n"
                    + "Host: " + host + "\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(
                            socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    /** Collects the lines of an SSE stream in the background, for as long as the test runs. */
    public static List<String> followEvents(URI uri) {
        List<String> lines = new CopyOnWriteArrayList<>();
        CLIENT.sendAsync(
                        HttpRequest.newBuilder(uri)
                                .header("Accept", "text/event-stream")
                                .header("Authorization", ServiceCredential.authorization())
                                .build(),
                        HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(lines::add));
        return lines;
    }
}
