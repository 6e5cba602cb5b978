package io.devopsparadise.instances.lifecycle;

/** A workspace that breaks one of the {@link WorkspaceRule}s; the message names the rule and what to do. */
public class WorkspaceNotAllowedException extends RuntimeException {

    private final WorkspaceRule rule;

    public WorkspaceNotAllowedException(WorkspaceRule rule, String why) {
        super("workspace refused by rule " + rule.id() + ": " + why);
        this.rule = rule;
    }

    public WorkspaceRule rule() {
        return rule;
    }
}
