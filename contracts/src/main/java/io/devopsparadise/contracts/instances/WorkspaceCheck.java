package io.devopsparadise.contracts.instances;

/**
 * A workspace to check without provisioning ({@code POST /api/workspace-checks}), and the answer: the same
 * record holding the workspace's real path once it passes every rule. A refusal is a 400 problem whose
 * {@code rule} property names the rule broken.
 *
 * @param workspace absolute path of a client's workspace
 */
public record WorkspaceCheck(String workspace) {}
