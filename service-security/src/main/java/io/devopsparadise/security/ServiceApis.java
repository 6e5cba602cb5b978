package io.devopsparadise.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Clients of the platform's service APIs (the {@code @HttpExchange} interfaces in contracts), made one way: the service
 * credential attached, a connect timeout of {@link #CONNECT_TIMEOUT}, and a read timeout of {@link #READ_TIMEOUT}, or
 * more for a call that waits by design (a command run in an instance, a provisioning that waits for health), so that
 * no service can hang another.
 */
public final class ServiceApis {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    private final RestClient.Builder builder;
    private final ServiceCredential credential;

    /** @param builder the service's RestClient.Builder (Spring Boot's, with its JSON mapper and observations) */
    public ServiceApis(RestClient.Builder builder, ServiceCredential credential) {
        this.builder = builder;
        this.credential = credential;
    }

    /** A client whose calls answer within {@link #READ_TIMEOUT}. */
    public <T> T client(Class<T> api, URI baseUrl) {
        return client(api, baseUrl, READ_TIMEOUT);
    }

    /** A client for calls that wait by design: each answers within {@code readTimeout}. */
    public <T> T client(Class<T> api, URI baseUrl, Duration readTimeout) {
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest(baseUrl, readTimeout)))
                .build()
                .createClient(api);
    }

    /**
     * A plain client of a service, made the same way, for the one kind of call an interface cannot make: reading a
     * large answer as a stream, against a size bound (a run's whole result).
     */
    public RestClient rest(URI baseUrl, Duration readTimeout) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(readTimeout);
        return builder.clone()
                .baseUrl(baseUrl.toString())
                .requestFactory(requests)
                .defaultHeader(HttpHeaders.AUTHORIZATION, credential.authorization())
                .build();
    }

    /** What a service said when it refused a call: its problem's {@code detail}, else the status text. */
    public static String detail(RestClientResponseException refused) {
        try {
            Map<?, ?> problem = refused.getResponseBodyAs(Map.class);
            Object detail = problem == null ? null : problem.get("detail");
            return detail != null ? detail.toString() : refused.getStatusText();
        } catch (RuntimeException unreadable) {
            return refused.getStatusText();
        }
    }
}
