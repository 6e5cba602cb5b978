package io.devopsparadise.security;

import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** Which request paths need the service credential: those under a credential pattern and under no open one. */
public final class ProtectedPaths {

    private final List<PathPattern> credential;
    private final List<PathPattern> open;

    public ProtectedPaths(List<String> credentialPatterns, List<String> openPatterns) {
        this.credential = credentialPatterns.stream()
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
        this.open = openPatterns.stream()
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
    }

    /** {@code path} is the decoded, normalized path the container routes by (no {@code ..}, no {@code ;} parameters). */
    public boolean needCredential(String path) {
        return needCredential(PathContainer.parsePath(path));
    }

    /** Matched segment by segment on decoded values, as the handler mappings match. */
    public boolean needCredential(PathContainer container) {
        return credential.stream().anyMatch(pattern -> pattern.matches(container))
                && open.stream().noneMatch(pattern -> pattern.matches(container));
    }
}
