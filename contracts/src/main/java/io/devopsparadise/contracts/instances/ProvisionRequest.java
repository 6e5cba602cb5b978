package io.devopsparadise.contracts.instances;

/**
 * Asks for a dedicated instance for one client.
 *
 * @param clientId  letters, digits, '.', '_' and '-'; at most 63 characters
 * @param workspace absolute path of the client's workspace, inside an allowed root
 * @param profile   a backend profile name; the manager's default when null
 * @param memory    container memory limit for this instance (512MB, 2GB); the profile's when null
 * @param cpus      container CPU limit for this instance, in cores (1.5); the profile's when null
 */
public record ProvisionRequest(String clientId, String workspace, String profile, String memory, Double cpus) {

    public ProvisionRequest(String clientId, String workspace, String profile) {
        this(clientId, workspace, profile, null, null);
    }
}
