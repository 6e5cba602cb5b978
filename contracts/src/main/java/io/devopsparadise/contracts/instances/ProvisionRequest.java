package io.devopsparadise.contracts.instances;

/**
 * Asks for a dedicated instance for one client.
 *
 * @param clientId  letters, digits, '.', '_' and '-'; at most 63 characters
 * @param workspace absolute path of the client's workspace, inside an allowed root
 * @param profile   a backend profile name; the manager's default when null
 */
public record ProvisionRequest(String clientId, String workspace, String profile) {
}
