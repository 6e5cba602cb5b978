package io.devopsparadise.contracts.quality;

import java.util.List;

/**
 * @param changedFiles optional: lint and security tools look at these files only (paths relative to the workspace)
 * @param baseline     optional: which stored run to judge this one against: {@code previous}, {@code branch:NAME} or
 *                     {@code commit:SHA}; absent = the latest stored run on the base branch
 * @param changedOnly  optional: test tools run only the tests the change can break (the profile may say so already)
 * @param base         optional: the change is measured from the merge-base with this branch or commit (changed-only
 *                     runs); absent = since the last run that brought the impact map up to date
 */
public record RunRequest(
        String clientId, String profile, List<String> changedFiles, String baseline, Boolean changedOnly, String base) {

    /** A run that asks for no test selection. */
    public RunRequest(String clientId, String profile, List<String> changedFiles, String baseline) {
        this(clientId, profile, changedFiles, baseline, null, null);
    }

    /** Whether the run asked for changed-only tests, or named a base to measure the change from. */
    public boolean wantsChangedOnly() {
        return Boolean.TRUE.equals(changedOnly) || base != null && !base.isBlank();
    }
}
