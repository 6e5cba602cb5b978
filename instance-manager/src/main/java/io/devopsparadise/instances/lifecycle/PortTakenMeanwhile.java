package io.devopsparadise.instances.lifecycle;

import io.devopsparadise.instances.runtime.InstanceStartException;

/**
 * A start that failed because a leased port was bound by another program after the allocator's probe saw it free:
 * Docker says so in the words of its port allocator or of its userland proxy. Such a start may be tried again on
 * other ports; any other failure may not.
 */
final class PortTakenMeanwhile {

    private PortTakenMeanwhile() {}

    static boolean isCauseOf(RuntimeException failure) {
        if (!(failure instanceof InstanceStartException)) {
            return false;
        }
        String message = String.valueOf(failure.getMessage());
        return message.contains("address already in use") || message.contains("port is already allocated");
    }
}
