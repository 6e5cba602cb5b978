package io.devopsparadise.gateway.clients;

import io.devopsparadise.contracts.clients.ClientNames;
import io.devopsparadise.gateway.GatewayProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Registered clients, kept in memory for the request path (token → client is one hash and one map lookup)
 * and written through to the database. Writes are blocking and run off the event loop.
 */
@Component
public class ClientRegistry {

    private final ClientRepository repository;
    private final GatewayProperties properties;
    private final Clock clock;
    private final Map<String, Client> byId = new ConcurrentHashMap<>();
    private final Map<String, String> idByTokenHash = new ConcurrentHashMap<>();
    private final Map<String, String> tokenHashById = new ConcurrentHashMap<>();

    ClientRegistry(ClientRepository repository, GatewayProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
        repository.findAll().forEach(stored -> remember(stored.client(), stored.tokenHash()));
    }

    /** The client a bearer token belongs to. */
    public Optional<Client> authenticate(String token) {
        String id = idByTokenHash.get(TokenHasher.hash(token));
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    public Optional<Client> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Client> all() {
        return byId.values().stream()
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
    public synchronized void checkNew(String name) {
        checkName(name);
        if (byId.values().stream().anyMatch(c -> c.name().equals(name))) {
            throw new DuplicateClientException(name);
        }
    }

    public synchronized Registration rotateToken(String id) {
        Client client = find(id).orElseThrow(() -> new ClientNotFoundException(id));
        String token = TokenHasher.newToken("pdb_");
        String hash = TokenHasher.hash(token);
        Instant now = clock.instant();
        repository.updateToken(id, hash, now);
        Optional.ofNullable(tokenHashById.get(id)).ifPresent(idByTokenHash::remove);
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
        byId.remove(id);
        Optional.ofNullable(tokenHashById.remove(id)).ifPresent(idByTokenHash::remove);
        return client;
    }

    private void remember(Client client, String tokenHash) {
        byId.put(client.id(), client);
        idByTokenHash.put(tokenHash, client.id());
        tokenHashById.put(client.id(), tokenHash);
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
