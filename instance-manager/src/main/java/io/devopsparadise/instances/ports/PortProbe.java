package io.devopsparadise.instances.ports;

/** Asks the operating system whether a port is free for us to use. */
@FunctionalInterface
public interface PortProbe {

    boolean isFree(int port);
}
