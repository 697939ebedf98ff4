package dev.streamsuite.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fresh Kafka Streams state directories under the module's {@code target/}: state left by an
 * earlier run would hold another broker's offsets, and {@code ./mvnw clean} removes these.
 */
public final class StateDirectories {

    private StateDirectories() {}

    public static Path fresh(String prefix) {
        try {
            Path parent = Files.createDirectories(Path.of("target", "streams-state"));
            return Files.createTempDirectory(parent, prefix + "-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a state directory under target/", e);
        }
    }
}
