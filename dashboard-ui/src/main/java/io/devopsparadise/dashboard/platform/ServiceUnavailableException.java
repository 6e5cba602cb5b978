package io.devopsparadise.dashboard.platform;

import java.net.URI;

/** A platform service did not answer; the message says which, where, and what to do. */
public class ServiceUnavailableException extends RuntimeException {

    private final String service;

    public ServiceUnavailableException(String service, URI url, Throwable cause) {
        super(
                "The " + service + " is not reachable at " + url + " (" + reason(cause) + "). Start the platform with "
                        + "scripts/start-devops-paradise.sh, or see its log in $PARADISE_HOME/logs/" + service
                        + ".log.",
                cause);
        this.service = service;
    }

    public String service() {
        return service;
    }

    private static String reason(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
