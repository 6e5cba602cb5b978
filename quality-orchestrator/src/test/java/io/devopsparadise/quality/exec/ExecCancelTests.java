package io.devopsparadise.quality.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
    private HttpServer server;
    private InstanceManagerClient client;

    @BeforeEach
    void start(@TempDir Path home) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/api/instances/", exchange -> {
            if (exchange.getRequestMethod().equals("POST")) {
                namedExec.set(exchange.getRequestHeaders().getFirst("Paradise-Exec-Id"));
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
    void anInterruptedExecIsCancelledByTheIdItWasNamedWith() throws Exception {
        AtomicReference<Thread> waiting = new AtomicReference<>();
        CompletableFuture<Boolean> interruptKept = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            waiting.set(Thread.currentThread());
            assertThatThrownBy(() -> client.exec("i-1", List.of("pytest"), Map.of(), null, Duration.ofMinutes(5)))
                    .isInstanceOf(ExecutionUnavailableException.class);
            interruptKept.complete(Thread.currentThread().isInterrupted());
        });
        caller.start();
        assertThat(execArrived.await(10, TimeUnit.SECONDS)).isTrue();

        caller.interrupt();

        assertThat(interruptKept.get(10, TimeUnit.SECONDS))
                .as("the thread stays interrupted for its run to see")
                .isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> cancelledPath.get() != null);
        assertThat(namedExec.get()).matches("[A-Za-z0-9_-]{1,64}");
        assertThat(cancelledPath.get()).isEqualTo("/api/instances/i-1/execs/" + namedExec.get());
    }
}
