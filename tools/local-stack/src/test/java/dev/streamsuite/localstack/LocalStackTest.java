package dev.streamsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamsuite.testsupport.LoopbackPorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

    @TempDir
    Path workDir;

    @Test
    void defaultsToTheDocumentedPorts() {
        var options = StackOptions.parse(new String[0]);

        assertThat(options.ports().values()).containsExactly(9092, 9093, 8081, 8080, 8091, 8092, 8093);
        assertThat(options.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    }

    @Test
    void rejectsAnUnknownOptionNamingIt() {
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"--kafka-prot=1"}))
                .hasMessageContaining("kafka-prot");
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"--view-port=http"}))
                .hasMessageContaining("--view-port=http is not a port number");
    }

    @Test
    void portInUseStopsTheStartWithAMessageNamingThePortAndTheOption() throws IOException {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var options = StackOptions.parse(new String[] {
                "--work-dir=" + workDir, "--registry-port=" + taken.getLocalPort(),
                        "--kafka-port=" + LoopbackPorts.free(),
                "--controller-port=" + LoopbackPorts.free(), "--view-port=" + LoopbackPorts.free(),
                        "--fraud-port=" + LoopbackPorts.free(),
                "--iot-port=" + LoopbackPorts.free(), "--click-port=" + LoopbackPorts.free()
            });

            assertThatThrownBy(() -> new LocalStack(options).start())
                    .hasMessageContaining("Port " + taken.getLocalPort())
                    .hasMessageContaining("--registry-port");
        }
    }
}
