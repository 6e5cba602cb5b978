package io.devopsparadise.gateway.tools;

import io.devopsparadise.security.ServiceApis;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.Callable;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Calls of another service's API from the quality tools: run off the event loops, and failing with words a tool can
 * show its caller: the service's own {@code detail}, or that it does not answer and how to start it.
 */
final class ServiceCalls {

    /**
     * Threads of their own, apart from Reactor's shared bounded-elastic ones that the instance lookups use: an insights
     * call waits up to minutes, and a client asking for many must not hold up every other client's instance.
     */
    private static final Scheduler CALLS = Schedulers.newBoundedElastic(32, 256, "quality-tools", 60, true);

    private final String service;
    private final URI url;

    ServiceCalls(String service, URI url) {
        this.service = service;
        this.url = url;
    }

    /** The call's answer; empty when it answers null. */
    <T> Mono<T> call(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(CALLS).onErrorMap(this::explain);
    }

    private Throwable explain(Throwable error) {
        if (error instanceof RestClientResponseException response) {
            String detail = ServiceApis.detail(response);
            return new IllegalStateException(detail, error);
        }
        if (error instanceof ResourceAccessException && error.getCause() instanceof HttpTimeoutException) {
            return new IllegalStateException(service + " did not answer in time", error);
        }
        if (error instanceof ResourceAccessException) {
            return new IllegalStateException(
                    service + " at " + url
                            + " does not answer; start the platform with scripts/start-devops-paradise.sh",
                    error);
        }
        return error;
    }
}
