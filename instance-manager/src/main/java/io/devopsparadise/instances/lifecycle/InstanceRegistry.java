package io.devopsparadise.instances.lifecycle;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * The live instances, written through to the database. Structural changes to one instance (start, restart,
 * delete) happen under that instance's lock, so the monitor never restarts what a delete is removing.
 */
@Component
public class InstanceRegistry {

    private final Map<String, Instance> byId = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final InstanceRepository repository;

    InstanceRegistry(InstanceRepository repository) {
        this.repository = repository;
    }

    public Optional<Instance> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Instance> findByClient(String clientId) {
        return byId.values().stream().filter(i -> i.clientId().equals(clientId)).findFirst();
    }

    public List<Instance> all() {
        return byId.values().stream()
                .sorted(java.util.Comparator.comparing(Instance::createdAt))
                .toList();
    }

    public int size() {
        return byId.size();
    }

    synchronized void put(Instance instance) {
        repository.save(instance);
        byId.put(instance.id(), instance);
    }

    /** Applies a change to an instance that still exists; returns the new value, or empty when it is gone. */
    synchronized Optional<Instance> update(String id, UnaryOperator<Instance> change) {
        Instance current = byId.get(id);
        if (current == null) {
            return Optional.empty();
        }
        Instance next = change.apply(current);
        repository.save(next);
        byId.put(id, next);
        return Optional.of(next);
    }

    synchronized void remove(String id) {
        repository.delete(id);
        byId.remove(id);
        locks.remove(id);
    }

    ReentrantLock lockOf(String id) {
        return locks.computeIfAbsent(id, key -> new ReentrantLock());
    }

    Collection<Instance> stored() {
        return repository.findAll();
    }
}
