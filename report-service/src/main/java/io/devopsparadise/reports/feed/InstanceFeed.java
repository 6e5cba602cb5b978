package io.devopsparadise.reports.feed;

import io.devopsparadise.events.SseFollower;
import io.devopsparadise.reports.ReportProperties;
import io.devopsparadise.reports.live.LiveStream;
import io.devopsparadise.security.ServiceCredential;
import jakarta.annotation.PreDestroy;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/** Relays the instance-manager's lifecycle and health events to the live stream. */
@Component
class InstanceFeed {

    private final SseFollower follower;

    InstanceFeed(
            WebClient.Builder builder, ReportProperties properties, LiveStream live, ServiceCredential credential) {
        WebClient manager = builder.clone()
                .baseUrl(properties.instanceManagerUrl().toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, credential.authorization())
                .build();
        this.follower = new SseFollower(
                "instance-manager", manager, "/api/events", () -> {}, (name, data) -> live.publish("instance", data));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        follower.start();
    }

    @PreDestroy
    void stop() {
        follower.stop();
    }
}
