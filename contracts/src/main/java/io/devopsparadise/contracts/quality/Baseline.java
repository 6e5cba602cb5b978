package io.devopsparadise.contracts.quality;

/**
 * The stored run a run is compared with, to judge what it introduced.
 *
 * @param choice how it was chosen, in words ("the latest stored run on main")
 */
public record Baseline(String runId, String gitCommit, String gitBranch, String choice) {}
