package io.devopsparadise.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.devopsparadise.security.PortHolders.Holder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Real listening sockets, of this JVM and of programs it starts, told apart through Linux's /proc. */
class PortHoldersTests {

    @org.junit.jupiter.api.BeforeAll
    static void onLinux() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/net/tcp")),
                "Linux's /proc tells who listens");
    }

    @Test
    void aPortNobodyListensOnIsHeldByNone() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThat(PortHolders.of(port, Optional.of(ProcessHandle.current()))).isEqualTo(Holder.NONE);
    }

    @Test
    void aSocketOfTheProcessItselfIsOurs() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(PortHolders.of(socket.getLocalPort(), Optional.of(ProcessHandle.current())))
                    .isEqualTo(Holder.OURS);
        }
    }

    @Test
    void aSocketOfAChildOfTheProcessIsOurs() throws Exception {
        int port = freePort();
        Process server = new ProcessBuilder("python3", "-m", "http.server", String.valueOf(port), "--bind", "127.0.0.1")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> PortHolders.of(port, Optional.empty()) != Holder.NONE);

            assertThat(PortHolders.of(port, Optional.of(ProcessHandle.current())))
                    .as("the JVM's tree holds it")
                    .isEqualTo(Holder.OURS);
            assertThat(PortHolders.of(port, Optional.of(server.toHandle()))).isEqualTo(Holder.OURS);
        } finally {
            server.destroyForcibly().waitFor();
        }
    }

    @Test
    void aSocketOfAnotherProgramIsAnothers() throws Exception {
        Process bystander = new ProcessBuilder("sleep", "30").start();
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            assertThat(PortHolders.of(socket.getLocalPort(), Optional.of(bystander.toHandle())))
                    .isEqualTo(Holder.OTHER);
            assertThat(PortHolders.of(socket.getLocalPort(), Optional.empty()))
                    .as("an instance whose process ended holds nothing")
                    .isEqualTo(Holder.OTHER);
        } finally {
            bystander.destroyForcibly().waitFor();
        }
    }

    @Test
    void aSocketThat127001DoesNotReachDoesNotCount() throws Exception {
        Process bystander = new ProcessBuilder("sleep", "30").start();
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.2"));
                ServerSocket v6 = new ServerSocket(other.getLocalPort(), 1, InetAddress.getByName("::1"))) {
            assertThat(PortHolders.of(other.getLocalPort(), Optional.of(bystander.toHandle())))
                    .as("127.0.0.2 and ::1 are other addresses: a connection to 127.0.0.1 never meets them")
                    .isEqualTo(Holder.NONE);
        } finally {
            bystander.destroyForcibly().waitFor();
        }
    }

    @Test
    void aSocketOnEveryAddressCounts() throws Exception {
        Process bystander = new ProcessBuilder("sleep", "30").start();
        try (ServerSocket wildcard = new ServerSocket(0)) {
            assertThat(PortHolders.of(wildcard.getLocalPort(), Optional.of(bystander.toHandle())))
                    .isEqualTo(Holder.OTHER);
        } finally {
            bystander.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
