package dev.streamsuite.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

    @Test
    void handsOutBindablePortsBelowTheEphemeralRangeNeverTheSameTwice() throws IOException {
        int ephemeralLow = LoopbackPorts.ephemeralLow();
        var ports = new HashSet<Integer>();
        for (int i = 0; i < 200; i++) {
            int port = LoopbackPorts.free();
            assertThat(port).isBetween(LoopbackPorts.LOWEST, ephemeralLow - 1);
            assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
        }
        int port = LoopbackPorts.free();
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }
}
