package io.devopsparadise.quality.runs;

import java.util.List;

/**
 * @param changedFiles optional: lint and security tools look at these files only (paths relative to the workspace)
 * @param baseline     optional: which stored run to judge this one against: {@code previous}, {@code branch:NAME} or
 *                     {@code commit:SHA}; absent = the latest stored run on the base branch
 */
public record RunRequest(String clientId, String profile, List<String> changedFiles, String baseline) {
}
