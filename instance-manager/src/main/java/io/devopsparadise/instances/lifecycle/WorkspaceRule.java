package io.devopsparadise.instances.lifecycle;

/** The rules a workspace must pass before any instance may mount or run in it. */
public enum WorkspaceRule {

    /** a strict descendant of an allowed root, links resolved; a root itself is refused */
    INSIDE_ALLOWED_ROOT("inside-allowed-root"),
    /** neither contains nor lies inside the platform's data directory (admin token, databases, reports) */
    OUTSIDE_DATA_DIRECTORY("outside-data-directory"),
    /** neither contains nor lies inside a directory of credentials (~/.ssh, ~/.gnupg, ~/.aws, …) */
    OUTSIDE_SECRET_DIRECTORIES("outside-secret-directories"),
    /** at a restart, still resolves to the directory that was checked when the instance was provisioned */
    UNCHANGED_SINCE_PROVISIONING("unchanged-since-provisioning");

    private final String id;

    WorkspaceRule(String id) {
        this.id = id;
    }

    /** The rule's name as API answers show it. */
    public String id() {
        return id;
    }
}
