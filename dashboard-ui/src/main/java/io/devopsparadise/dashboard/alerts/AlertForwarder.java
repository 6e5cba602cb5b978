package io.devopsparadise.dashboard.alerts;

import io.devopsparadise.dashboard.DashboardProperties;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Forwards each notification to the configured webhook as Slack-compatible JSON ({@code {"text": ...}}), in the
 * background, tried three times. The webhook is outside the platform: it never gets the service credential, and a
 * redirect is not followed.
 */
@Component
class AlertForwarder implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AlertForwarder.class);
    private static final int QUEUED = 100;

    private final URI webhook;
    private final RestClient http;
    private final Retry retry;
    private final MeterRegistry meters;
    private final ThreadPoolExecutor sender =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUED), task -> {
                Thread thread = new Thread(task, "alert-forwarder");
                thread.setDaemon(true);
                return thread;
            });

    AlertForwarder(DashboardProperties properties, RestClient.Builder builder, MeterRegistry meters) {
        DashboardProperties.Alerts alerts = properties.alerts();
        this.webhook = alerts.webhookUrl();
        this.meters = meters;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(alerts.forwardTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        requests.setReadTimeout(alerts.forwardTimeout());
        this.http = builder.clone().requestFactory(requests).build();
        this.retry = Retry.of(
                "alert-webhook",
                RetryConfig.custom()
                        .maxAttempts(3)
                        .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofSeconds(1), 2))
                        .retryExceptions(RestClientException.class)
                        .build());
    }

    void forward(List<ReceivedAlert> alerts) {
        if (webhook == null || alerts.isEmpty()) {
            return;
        }
        String text = text(alerts);
        try {
            sender.execute(() -> send(text));
        } catch (RejectedExecutionException full) {
            count("dropped");
            log.warn("alert forward dropped reason=\"{} notifications already wait for the webhook\"", QUEUED);
        }
    }

    private void send(String text) {
        try {
            retry.executeRunnable(() -> http.post()
                    .uri(webhook)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("text", text))
                    .retrieve()
                    .toBodilessEntity());
            count("sent");
        } catch (RuntimeException failed) {
            count("failed");
            // not the message: it holds the webhook's URL, whose path is the chat's secret
            log.warn("alert forward failed webhook={} reason={}", webhook.getHost(), reason(failed));
        }
    }

    private static String reason(RuntimeException failed) {
        return failed instanceof org.springframework.web.client.RestClientResponseException refused
                ? "HTTP " + refused.getStatusCode().value()
                : failed.getClass().getSimpleName();
    }

    private void count(String outcome) {
        meters.counter("paradise.alerts.forwarded", "outcome", outcome).increment();
    }

    /**
     * One line per alert, then its description: Slack's text, with its three control characters escaped and every
     * {@code @} followed by a zero-width space, so that no label or annotation mentions {@code @channel} or
     * {@code @all} in Slack-compatible chats that read plain mentions (Mattermost, Rocket.Chat).
     */
    static String text(List<ReceivedAlert> alerts) {
        return alerts.stream()
                .map(alert -> "[" + alert.status().toUpperCase(java.util.Locale.ROOT) + "] " + alert.summary()
                        + " (" + alert.severity() + ")"
                        + (alert.description().isEmpty() ? "" : "\n" + alert.description()))
                .map(AlertForwarder::escape)
                .collect(Collectors.joining("\n"));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("@", "@\u200b");
    }

    /** Forwards already queued go out first, for a few seconds at most. */
    @Override
    public void destroy() throws InterruptedException {
        sender.shutdown();
        if (!sender.awaitTermination(5, TimeUnit.SECONDS)) {
            log.warn(
                    "alert forwards dropped at shutdown count={}",
                    sender.shutdownNow().size());
        }
    }
}
