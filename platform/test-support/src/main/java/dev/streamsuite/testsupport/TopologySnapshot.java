package dev.streamsuite.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.streams.Topology;

/**
 * Keeps a reviewed snapshot of {@code topology.describe()} in {@code src/test/resources}: a
 * change that renames a processor, store or internal topic (and so loses state on upgrade)
 * shows up in review. Regenerate on purpose with {@code -Dtopology.update=true}.
 */
public final class TopologySnapshot {

    private static final Path SNAPSHOT = Path.of("src", "test", "resources", "topology.txt");

    private TopologySnapshot() {}

    public static void assertMatchesSnapshot(Topology topology) {
        String described = topology.describe().toString();
        try {
            if (Boolean.getBoolean("topology.update")) {
                Files.writeString(SNAPSHOT, described);
            }
            assertThat(described)
                    .as("The topology changed. If store, topic or processor names changed on purpose (state is "
                            + "lost on upgrade when a changelog is renamed), regenerate with -Dtopology.update=true")
                    .isEqualTo(Files.readString(SNAPSHOT));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SNAPSHOT.toAbsolutePath(), e);
        }
    }
}
