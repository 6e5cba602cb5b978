package io.devopsparadise.instances.lifecycle;

import io.devopsparadise.instances.profiles.InstanceProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides whether a directory may become a client's workspace: it is mounted read-write into the client's
 * container (or is the working directory of its process), so it must never expose the platform's data
 * directory or the operator's credentials. Every rule is checked on the real path, links resolved.
 */
@Component
public class WorkspacePolicy {

    /** Credential directories under the manager's home that no workspace may contain or lie inside. */
    static final List<String> WELL_KNOWN_SECRETS = List.of(".ssh", ".gnupg", ".aws", ".config/gcloud");

    private final List<Path> roots;
    private final Set<Path> dataDirectory;
    private final Set<Path> secretDirectories;

    @Autowired
    public WorkspacePolicy(InstanceProperties properties) {
        this(
                properties.allowedWorkspaceRoots(),
                properties.home(),
                properties.userHome(),
                properties.secretDirectories());
    }

    WorkspacePolicy(List<Path> roots, Path dataDirectory, Path userHome, List<Path> extraSecrets) {
        this.roots = roots.stream().map(WorkspacePolicy::real).toList();
        this.dataDirectory = bothForms(List.of(dataDirectory));
        List<Path> secrets = new ArrayList<>(
                WELL_KNOWN_SECRETS.stream().map(userHome::resolve).toList());
        secrets.addAll(extraSecrets);
        this.secretDirectories = bothForms(secrets);
    }

    /** The workspace's real path, once it passes every rule. */
    public Path check(String workspace) {
        if (workspace == null || workspace.isBlank()) {
            throw new InvalidRequestException(
                    "workspace is required: the absolute path of the client's project directory");
        }
        Path path = parse(workspace);
        if (!path.isAbsolute()) {
            throw new InvalidRequestException("workspace must be an absolute path, got '" + workspace + "'");
        }
        if (!Files.isDirectory(path)) {
            throw new InvalidRequestException("workspace " + workspace + " does not exist or is not a directory");
        }
        Path real = real(path);
        checkInsideARoot(real);
        checkApart(real, dataDirectory, WorkspaceRule.OUTSIDE_DATA_DIRECTORY, "the platform's data directory");
        checkApart(real, secretDirectories, WorkspaceRule.OUTSIDE_SECRET_DIRECTORIES, "the credential directory");
        return real;
    }

    private static Path parse(String workspace) {
        try {
            return Path.of(workspace);
        } catch (InvalidPathException e) {
            throw new InvalidRequestException("workspace is not a valid path: " + e.getReason());
        }
    }

    /** Checks a provisioned workspace again before a (re)start: the rules, and that it is still the same directory. */
    public Path recheck(Path provisioned) {
        Path real = check(provisioned.toString());
        if (!real.equals(provisioned)) {
            throw new WorkspaceNotAllowedException(
                    WorkspaceRule.UNCHANGED_SINCE_PROVISIONING,
                    provisioned + " now resolves to " + real
                            + " (was it replaced by a link?); delete the instance and provision it again");
        }
        return real;
    }

    private void checkInsideARoot(Path real) {
        if (roots.contains(real)) {
            throw new WorkspaceNotAllowedException(
                    WorkspaceRule.INSIDE_ALLOWED_ROOT,
                    real
                            + " is an allowed root itself, which holds every other project and the platform's files; use a project directory below it");
        }
        if (roots.stream().noneMatch(real::startsWith)) {
            throw new WorkspaceNotAllowedException(
                    WorkspaceRule.INSIDE_ALLOWED_ROOT,
                    real + " is outside the allowed roots " + roots
                            + "; move it under one of them or add its parent to paradise.instances.allowed-workspace-roots");
        }
    }

    private static void checkApart(Path real, Set<Path> protectedDirectories, WorkspaceRule rule, String what) {
        for (Path guarded : protectedDirectories) {
            if (real.startsWith(guarded)) {
                throw new WorkspaceNotAllowedException(
                        rule, real + " lies inside " + what + " " + guarded + "; use a project directory elsewhere");
            }
            if (guarded.startsWith(real)) {
                throw new WorkspaceNotAllowedException(
                        rule,
                        real + " contains " + what + " " + guarded
                                + "; a client's instance would see and could change it. Use the project's own directory");
            }
        }
    }

    /** A directory as configured and, where it exists, as it really is: a link to it must not slip through. */
    private static Set<Path> bothForms(List<Path> directories) {
        Set<Path> forms = new LinkedHashSet<>();
        for (Path directory : directories) {
            forms.add(directory.toAbsolutePath().normalize());
            forms.add(real(directory));
        }
        return forms;
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
