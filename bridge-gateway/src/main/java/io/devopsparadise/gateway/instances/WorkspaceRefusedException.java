package io.devopsparadise.gateway.instances;

/** The instance-manager refused a workspace at registration; the message names the rule it breaks. */
public class WorkspaceRefusedException extends RuntimeException {

    private final String rule;

    public WorkspaceRefusedException(String message, String rule) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
