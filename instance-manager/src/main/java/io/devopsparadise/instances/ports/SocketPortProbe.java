package io.devopsparadise.instances.ports;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.springframework.stereotype.Component;

/**
 * A port is free when we can bind it on both the wildcard and the loopback address: a program that holds
 * either makes it unusable for a container published on 127.0.0.1 or a process listening on all interfaces.
 * SO_REUSEADDR is set as servers (node, docker-proxy) set it, so a port in TIME_WAIT counts as free, as it is for them.
 */
@Component
class SocketPortProbe implements PortProbe {

    @Override
    public boolean isFree(int port) {
        return canBind(new InetSocketAddress(port))
                && canBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    private static boolean canBind(InetSocketAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
