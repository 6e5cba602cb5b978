package io.devopsparadise.reports.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.devopsparadise.testsupport.ListeningSockets;
import io.devopsparadise.testsupport.ServiceProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The check that a service's health answer comes from the service, not from a program that took its port. */
class ListeningSocketsTests {

    @Test
    void aPortThisProcessListensOnIsItsOwn() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "Linux's /proc tells who listens");
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(ListeningSockets.isListenedOnBy(ProcessHandle.current(), socket.getLocalPort()))
                    .isTrue();
        }
    }

    @Test
    void aPortAnotherProcessListensOnIsNot() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "Linux's /proc tells who listens");
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(ListeningSockets.isListenedOnBy(parent, socket.getLocalPort()))
                    .isFalse();
        }
    }

    @Test
    void aPortNobodyListensOnIsNobodys() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "Linux's /proc tells who listens");
        assertThat(ListeningSockets.isListenedOnBy(ProcessHandle.current(), ServiceProcess.freePort()))
                .isFalse();
    }
}
