package io.devopsparadise.quality.runs;

import java.util.List;

/**
 * @param changedFiles optional: lint and security tools look at these files only (paths relative to the workspace)
 */
public record RunRequest(String clientId, String profile, List<String> changedFiles) {
}
