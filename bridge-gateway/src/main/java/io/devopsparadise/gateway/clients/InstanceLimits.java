package io.devopsparadise.gateway.clients;

import java.util.regex.Pattern;

/**
 * Container limits a client's instance gets instead of its backend profile's; the instance-manager checks them
 * against the host when it provisions.
 *
 * @param memory like 512MB or 2GB; null keeps the profile's
 * @param cpus   cores, like 1.5; null keeps the profile's
 */
public record InstanceLimits(String memory, Double cpus) {

    private static final Pattern SIZE = Pattern.compile("\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB)", Pattern.CASE_INSENSITIVE);

    public InstanceLimits {
        if (memory != null && !SIZE.matcher(memory.strip()).matches()) {
            throw new InvalidClientException("memory must be a size like 512MB or 2GB; got '" + memory + "'");
        }
        if (cpus != null && !(cpus > 0)) {
            throw new InvalidClientException("cpus must be a positive number of cores, like 1.5; got " + cpus);
        }
    }

    /** Null when neither limit is given. */
    static InstanceLimits of(String memory, Double cpus) {
        return memory == null && cpus == null ? null : new InstanceLimits(memory, cpus);
    }
}
