package io.devopsparadise.quality.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.devopsparadise.security.ServiceApis;
import io.devopsparadise.security.ServiceCredential;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.client.RestClient;

/**
 * A cancelled run interrupts the thread that waits on an exec. Against a real HTTP server standing in for an
 * instance-manager that has not answered yet (the case a closed connection cannot tell it): the client cancels the
 * exec by the id it named it with.
 */
class ExecCancelTests {

    private final AtomicReference<String> namedExec = new AtomicReference<>();
    private final AtomicReference<String> cancelledPath = new AtomicReference<>();
    private final CountDownLatch execArrived = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    /** Whether the manager has started its answer (a 200 and a first space) when the caller gives up. */
    private volatile boolean answerStarted;

    private HttpServer server;
    private InstanceManagerClient client;

    @BeforeEach
    void start(@TempDir Path home) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/api/instances/", exchange -> {
            if (exchange.getRequestMethod().equals("POST")) {
                namedExec.set(exchange.getRequestHeaders().getFirst("Paradise-Exec-Id"));
                if (answerStarted) {
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, 0);
                    exchange.getResponseBody().write(' ');
                    exchange.getResponseBody().flush();
                }
                execArrived.countDown();
                try {
                    released.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else if (exchange.getRequestMethod().equals("DELETE")) {
                cancelledPath.set(exchange.getRequestURI().getPath());
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        server.start();
        ServiceApis apis = new ServiceApis(RestClient.builder(), ServiceCredential.from(home.resolve("service-token")));
        client = new InstanceManagerClient(
                apis, URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        released.countDown();
        server.stop(0);
    }

    @Test
    void aCallerInterruptedBeforeTheAnswerStartsCancelsTheExecByItsId() throws Exception {
        assertInterruptingCancels();
    }

    /** The case Java's HttpClient cannot help with: it ignores an interrupt while it reads an answer's body. */
    @Test
    void aCallerInterruptedWhileTheAnswerIsUnderWayCancelsTheExecByItsId() throws Exception {
        answerStarted = true;
        assertInterruptingCancels();
    }

    private void assertInterruptingCancels() throws Exception {
        CompletableFuture<Boolean> interruptKept = new CompletableFuture<>();
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                client.exec("i-1", List.of("pytest"), Map.of(), null, Duration.ofMinutes(5));
            } catch (RuntimeException e) {
                failure.complete(e);
            }
            interruptKept.complete(Thread.currentThread().isInterrupted());
        });
        caller.start();
        assertThat(execArrived.await(10, TimeUnit.SECONDS)).isTrue();
        if (answerStarted) {
            // time for the caller to read the headers and to block on the body
            Thread.sleep(1_000);
        }

        caller.interrupt();

        assertThat(failure.get(10, TimeUnit.SECONDS))
                .as("the caller is free at once, though the manager has not answered")
                .isInstanceOf(ExecutionUnavailableException.class);
        assertThat(interruptKept.get(10, TimeUnit.SECONDS))
                .as("the thread stays interrupted for its run to see")
                .isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> cancelledPath.get() != null);
        assertThat(namedExec.get()).matches("[A-Za-z0-9_-]{1,64}");
        assertThat(cancelledPath.get()).isEqualTo("/api/instances/i-1/execs/" + namedExec.get());
    }
}
