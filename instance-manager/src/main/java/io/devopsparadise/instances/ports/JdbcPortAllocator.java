package io.devopsparadise.instances.ports;

import io.devopsparadise.instances.profiles.InstanceProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Leases kept in the {@code port_lease} table, whose primary key on the port is the final guard against a
 * double lease. Allocation is serialized in this process; the search starts after the last port handed
 * out so that a just-released port is not reused at once (a dying container may still hold it).
 */
@Component
class JdbcPortAllocator implements PortAllocator {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final PortProbe probe;
    private final Clock clock;
    private final int from;
    private final int to;
    private int cursor;

    JdbcPortAllocator(
            JdbcClient jdbc, TransactionTemplate tx, PortProbe probe, Clock clock, InstanceProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.probe = probe;
        this.clock = clock;
        this.from = properties.portFrom();
        this.to = properties.portTo();
        this.cursor = from;
    }

    @Override
    public synchronized Map<String, Integer> lease(String instanceId, List<String> names) {
        Map<String, Integer> leases = choosePorts(names);
        tx.executeWithoutResult(status -> leases.forEach((name, port) -> insert(instanceId, name, port)));
        return leases;
    }

    @Override
    public synchronized Map<String, Integer> relocate(String instanceId, List<String> names) {
        Map<String, Integer> leases = choosePorts(names);
        tx.executeWithoutResult(status -> {
            release(instanceId);
            leases.forEach((name, port) -> insert(instanceId, name, port));
        });
        return leases;
    }

    /** Free ports, none leased (the caller's own included), one per name. */
    private Map<String, Integer> choosePorts(List<String> names) {
        Set<Integer> taken = new HashSet<>(
                jdbc.sql("SELECT port FROM port_lease").query(Integer.class).list());
        List<Integer> chosen = choose(names.size(), taken);
        Map<String, Integer> leases = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            leases.put(names.get(i), chosen.get(i));
        }
        return leases;
    }

    private List<Integer> choose(int wanted, Set<Integer> taken) {
        List<Integer> chosen = new ArrayList<>(wanted);
        int size = to - from + 1;
        for (int step = 0; step < size && chosen.size() < wanted; step++) {
            int port = from + Math.floorMod(cursor - from + step, size);
            if (!taken.contains(port) && probe.isFree(port)) {
                chosen.add(port);
            }
        }
        if (chosen.size() < wanted) {
            throw new PortRangeExhaustedException(from, to, wanted, taken.size());
        }
        cursor = chosen.get(chosen.size() - 1) + 1;
        return chosen;
    }

    private void insert(String instanceId, String name, int port) {
        jdbc.sql("INSERT INTO port_lease (port, instance_id, name, leased_at) VALUES (?, ?, ?, ?)")
                .params(port, instanceId, name, Instant.now(clock).atOffset(java.time.ZoneOffset.UTC))
                .update();
    }

    @Override
    public Map<String, Integer> leasesOf(String instanceId) {
        Map<String, Integer> leases = new LinkedHashMap<>();
        jdbc.sql("SELECT name, port FROM port_lease WHERE instance_id = ? ORDER BY port")
                .param(instanceId)
                .query((rs, n) -> leases.put(rs.getString("name"), rs.getInt("port")))
                .list();
        return leases;
    }

    @Override
    public synchronized void release(String instanceId) {
        jdbc.sql("DELETE FROM port_lease WHERE instance_id = ?")
                .param(instanceId)
                .update();
    }

    @Override
    public Set<String> holders() {
        return Set.copyOf(jdbc.sql("SELECT DISTINCT instance_id FROM port_lease")
                .query(String.class)
                .list());
    }
}
