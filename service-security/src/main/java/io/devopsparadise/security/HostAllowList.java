package io.devopsparadise.security;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names a service answers to. A browser sends the name it resolved in {@code Host}; a page on evil.example that
 * rebinds its name to 127.0.0.1 still sends {@code Host: evil.example}, so checking it defeats DNS rebinding.
 */
public final class HostAllowList {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> names;

    public HostAllowList(Collection<String> configured) {
        Set<String> all = new TreeSet<>(LOOPBACK);
        configured.stream()
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .map(HostAllowList::hostOf)
                .forEach(all::add);
        this.names = Set.copyOf(all);
    }

    public boolean permits(String hostHeader) {
        return hostHeader != null && names.contains(hostOf(hostHeader));
    }

    public Set<String> names() {
        return new TreeSet<>(names);
    }

    /** The name in a {@code Host} value, without its port: {@code [::1]:8110} → {@code [::1]}, {@code Example.org:80} → {@code example.org}. */
    static String hostOf(String hostHeader) {
        String value = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(0, end + 1);
        }
        int colon = value.indexOf(':');
        String host = colon < 0 ? value : value.substring(0, colon);
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }
}
