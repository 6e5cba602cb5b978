package io.devopsparadise.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A legacy SSE stream ({@code GET /sse}) on a plain socket with a tiny receive buffer, read only when the test
 * asks: a client that stops reading is a client whose answers pile up somewhere, which is what tests look for.
 */
public final class LegacySseStream implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final int status;
    private final Map<String, String> headers;
    private InputStream body;

    private LegacySseStream(Socket socket, InputStream in, int status, Map<String, String> headers) {
        this.socket = socket;
        this.in = in;
        this.status = status;
        this.headers = headers;
    }

    /** Opens the stream; {@link #status()} tells whether the gateway accepted it. */
    public static LegacySseStream open(int port, String path, String token) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(60_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: text/event-stream\r\n"
                        + "Authorization: Bearer " + token + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        String statusLine = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(
                    header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    header.substring(colon + 1).strip());
        }
        return new LegacySseStream(socket, in, Integer.parseInt(statusLine.split(" ")[1]), headers);
    }

    public int status() {
        return status;
    }

    /** The whole body of a refused stream (it has a Content-Length). */
    public String refusal() throws IOException {
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** The {@code endpoint} event's data: where to POST messages. */
    public String endpoint() throws IOException {
        return next("endpoint");
    }

    /** The data of the next {@code message} event. */
    public String nextMessage() throws IOException {
        return next("message");
    }

    private String next(String wanted) throws IOException {
        if (status != 200) {
            throw new IllegalStateException("the stream was refused with " + status + ": " + refusal());
        }
        String event = "message";
        StringBuilder data = new StringBuilder();
        while (true) {
            String line = line(body());
            if (line.isEmpty()) {
                if (event.equals(wanted) && !data.isEmpty()) {
                    return data.toString();
                }
                event = "message";
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(data.isEmpty() ? "" : "\n").append(line.substring(line.startsWith("data: ") ? 6 : 5));
            }
        }
    }

    private InputStream body() {
        if (body == null) {
            body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? new Chunked(in) : in;
        }
        return body;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the gateway closed the stream");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** HTTP/1.1 chunked transfer coding, decoded. */
    private static final class Chunked extends InputStream {
        private final InputStream in;
        private long left;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (left == 0) {
                String size = line(in);
                if (size.isEmpty()) {
                    size = line(in);
                }
                left = Long.parseLong(size.split(";")[0].strip(), 16);
                if (left == 0) {
                    return -1;
                }
            }
            left--;
            int b = in.read();
            if (left == 0) {
                line(in);
            }
            return b;
        }
    }
}
