package io.devopsparadise.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.service.annotation.GetExchange;

/** Against a real HTTP server: the credential goes with every call, and a service that hangs cannot hang its caller. */
class ServiceApisTests {

    interface Echo {
        @GetExchange("/echo/{word}")
        String echo(@PathVariable("word") String word);

        @GetExchange("/hang")
        String hang();
    }

    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private HttpServer server;
    private ServiceApis apis;
    private ServiceCredential credential;

    @BeforeEach
    void start(@TempDir Path home) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/echo/", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] word = exchange.getRequestURI()
                    .getPath()
                    .substring("/echo/".length())
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, word.length);
            exchange.getResponseBody().write(word);
            exchange.close();
        });
        server.createContext("/hang", exchange -> {
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        credential = ServiceCredential.from(home.resolve("service-token"));
        apis = new ServiceApis(RestClient.builder(), credential);
    }

    @AfterEach
    void stop() {
        released.countDown();
        server.stop(0);
    }

    @Test
    void everyCallCarriesTheServiceCredential() {
        Echo echo = apis.client(Echo.class, url());

        assertThat(echo.echo("hello")).isEqualTo("hello");
        assertThat(credential.accepts(authorization.get())).isTrue();
    }

    @Test
    void aServiceThatDoesNotAnswerFailsTheCallWithinItsReadTimeout() {
        Echo echo = apis.client(Echo.class, url(), Duration.ofMillis(300));
        long started = System.nanoTime();

        assertThatThrownBy(echo::hang).isInstanceOf(ResourceAccessException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }
}
