package io.devopsparadise.instances.ports;

public class PortRangeExhaustedException extends RuntimeException {

    public PortRangeExhaustedException(int from, int to, int wanted, int leased) {
        super("No free ports left in the range " + from + "-" + to + ": " + wanted + " needed, " + leased
                + " leased to instances and the rest held by other programs. Delete idle instances or widen"
                + " paradise.instances.port-from/port-to.");
    }
}
