package io.devopsparadise.gateway.clients;

import io.devopsparadise.contracts.clients.ClientNames;
import io.devopsparadise.gateway.GatewayProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Registered clients, kept in memory for the request path (token → client is one hash and one map lookup)
 * and written through to the database. Writes are blocking and run off the event loop.
 */
@Component
public class ClientRegistry implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ClientRegistry.class);

    private final ClientRepository repository;
    private final GatewayProperties properties;
    private final Clock clock;
    /** Replaced whole, never changed: the request path reads it without a lock. */
    private volatile Snapshot clients;
    /** Local writes so far, under the lock: a refresh that read the database before one of them does not apply. */
    private volatile long writes;

    private final TaskScheduler scheduler;
    private ScheduledFuture<?> refreshing;

    static final Duration UNKNOWN_TOKEN_SPACING = Duration.ofMillis(100);
    private final boolean shared;
    /** The next read for unknown tokens, and when it starts (guarded by this). */
    private Sinks.Empty<Void> nextRead;

    private Instant nextReadAt = Instant.EPOCH;

    ClientRegistry(
            ClientRepository repository,
            GatewayProperties properties,
            Clock clock,
            TaskScheduler scheduler,
            @Value("${spring.datasource.url}") String database) {
        this.repository = repository;
        // an embedded database is this gateway's alone: nobody else issues tokens into it
        this.shared = !database.startsWith("jdbc:h2:");
        this.properties = properties;
        this.clock = clock;
        this.scheduler = scheduler;
        this.clients = Snapshot.of(repository.findAll());
    }

    @Override
    public void afterSingletonsInstantiated() {
        Duration every = properties.registryRefresh();
        refreshing =
                scheduler.scheduleWithFixedDelay(this::refresh, clock.instant().plus(every), every);
    }

    @Override
    public void destroy() {
        if (refreshing != null) {
            refreshing.cancel(false);
        }
    }

    /**
     * Reads the clients again: another gateway on the same database may have registered, rotated or deleted one. A
     * database that does not answer leaves the clients as they were.
     */
    public void refresh() {
        long before = writes;
        Snapshot read;
        try {
            read = Snapshot.of(repository.findAll());
        } catch (RuntimeException unreachable) {
            log.warn("clients not read again, the known ones stay reason=\"{}\"", unreachable.getMessage());
            return;
        }
        synchronized (this) {
            // a registration, rotation or removal here while reading: the next refresh has it, this one would undo it
            if (writes == before) {
                clients = read;
            }
        }
    }

    /** Whether the token is a known client's (as of the last read of the clients). */
    public boolean knows(String token) {
        return clients.idByTokenHash().containsKey(TokenHasher.hash(token));
    }

    /**
     * Reads the clients again for a token this gateway does not know: another gateway on the same database may have
     * issued it a moment ago (a client that registers and connects at once through a load balancer). Callers share
     * one read that has not started yet; reads start at least {@link #UNKNOWN_TOKEN_SPACING} apart, so unknown tokens
     * cannot make the gateway read the database more often than that. The read runs on the scheduler whoever waits
     * for it: a caller that goes away changes nothing for the others. Only for a database other gateways share.
     */
    public synchronized Mono<Void> readAgainForUnknownToken() {
        if (!shared) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        if (nextRead != null && !now.isAfter(nextReadAt)) {
            return nextRead.asMono();
        }
        Instant start =
                nextReadAt.plus(UNKNOWN_TOKEN_SPACING).isAfter(now) ? nextReadAt.plus(UNKNOWN_TOKEN_SPACING) : now;
        Sinks.Empty<Void> read = Sinks.empty();
        nextRead = read;
        nextReadAt = start;
        scheduler.schedule(
                () -> {
                    try {
                        refresh();
                    } finally {
                        read.tryEmitEmpty();
                    }
                },
                start);
        return read.asMono();
    }

    /** The client a bearer token belongs to. */
    public Optional<Client> authenticate(String token) {
        Snapshot now = clients;
        String id = now.idByTokenHash().get(TokenHasher.hash(token));
        return id == null ? Optional.empty() : Optional.ofNullable(now.byId().get(id));
    }

    public Optional<Client> find(String id) {
        return Optional.ofNullable(clients.byId().get(id));
    }

    public List<Client> all() {
        return clients.byId().values().stream()
                .sorted(Comparator.comparing(Client::createdAt))
                .toList();
    }

    /** Registers a client and returns it with its token, which exists nowhere else after this call. */
    public synchronized Registration register(
            String name, String workspace, String backendProfile, String qualityProfile, InstanceLimits limits) {
        checkNew(name);
        if (workspace == null || workspace.isBlank()) {
            throw new InvalidClientException(
                    "workspace is required: the absolute path of the project this client works on");
        }
        Instant now = clock.instant();
        Client client = new Client(
                name,
                name,
                workspace,
                blankToNull(backendProfile, properties.defaultBackendProfile()),
                blankToNull(qualityProfile, properties.defaultQualityProfile()),
                now,
                now,
                limits);
        String token = TokenHasher.newToken("pdb_");
        repository.insert(client, TokenHasher.hash(token));
        remember(client, TokenHasher.hash(token));
        return new Registration(client, token);
    }

    /** A name that follows the rule and no client has yet; checked again when registering. */
    public void checkNew(String name) {
        checkName(name);
        if (clients.byId().values().stream().anyMatch(c -> c.name().equals(name))) {
            throw new DuplicateClientException(name);
        }
    }

    public synchronized Registration rotateToken(String id) {
        Client client = find(id).orElseThrow(() -> new ClientNotFoundException(id));
        String token = TokenHasher.newToken("pdb_");
        String hash = TokenHasher.hash(token);
        Instant now = clock.instant();
        if (repository.updateToken(id, hash, now) == 0) {
            // removed by another gateway since this one last read the clients
            clients = clients.without(id);
            writes++;
            throw new ClientNotFoundException(id);
        }
        Client rotated = new Client(
                client.id(),
                client.name(),
                client.workspace(),
                client.backendProfile(),
                client.qualityProfile(),
                client.createdAt(),
                now,
                client.limits());
        remember(rotated, hash);
        return new Registration(rotated, token);
    }

    public synchronized Client remove(String id) {
        Client client = find(id).orElseThrow(() -> new ClientNotFoundException(id));
        repository.delete(id);
        clients = clients.without(id);
        writes++;
        return client;
    }

    private void remember(Client client, String tokenHash) {
        clients = clients.with(client, tokenHash);
        writes++;
    }

    /** The clients by id, and their ids by token hash (a client's previous hash gone with its rotation). */
    private record Snapshot(
            Map<String, Client> byId, Map<String, String> idByTokenHash, Map<String, String> tokenHashById) {

        static Snapshot of(List<ClientRepository.StoredClient> stored) {
            Map<String, Client> ids = new HashMap<>();
            Map<String, String> hashes = new HashMap<>();
            Map<String, String> hashOfId = new HashMap<>();
            for (ClientRepository.StoredClient one : stored) {
                ids.put(one.client().id(), one.client());
                hashes.put(one.tokenHash(), one.client().id());
                hashOfId.put(one.client().id(), one.tokenHash());
            }
            return new Snapshot(Map.copyOf(ids), Map.copyOf(hashes), Map.copyOf(hashOfId));
        }

        Snapshot with(Client client, String tokenHash) {
            Snapshot without = without(client.id());
            Map<String, Client> ids = new HashMap<>(without.byId);
            Map<String, String> hashes = new HashMap<>(without.idByTokenHash);
            Map<String, String> hashOfId = new HashMap<>(without.tokenHashById);
            ids.put(client.id(), client);
            hashes.put(tokenHash, client.id());
            hashOfId.put(client.id(), tokenHash);
            return new Snapshot(Map.copyOf(ids), Map.copyOf(hashes), Map.copyOf(hashOfId));
        }

        Snapshot without(String id) {
            if (!byId.containsKey(id)) {
                return this;
            }
            Map<String, Client> ids = new HashMap<>(byId);
            Map<String, String> hashes = new HashMap<>(idByTokenHash);
            Map<String, String> hashOfId = new HashMap<>(tokenHashById);
            ids.remove(id);
            Optional.ofNullable(hashOfId.remove(id)).ifPresent(hashes::remove);
            return new Snapshot(Map.copyOf(ids), Map.copyOf(hashes), Map.copyOf(hashOfId));
        }
    }

    private static void checkName(String name) {
        if (!ClientNames.isValid(name)) {
            throw new InvalidClientException(
                    "name must be " + ClientNames.RULE + "; got " + (name == null ? "nothing" : "'" + name + "'"));
        }
    }

    private static String blankToNull(String value, String fallback) {
        return value == null || value.isBlank() ? (fallback == null || fallback.isBlank() ? null : fallback) : value;
    }

    /** A client together with its freshly issued token. */
    public record Registration(Client client, String token) {}
}
