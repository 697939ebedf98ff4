package dev.streamsuite.simulator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamsuite.simulator.GroundTruth;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthWriterTest {

    private static final GroundTruth VELOCITY = new GroundTruth(
            "pay-1-1",
            "payments",
            "VELOCITY",
            "card-1-7",
            Instant.parse("2025-03-10T10:00:00Z"),
            Instant.parse("2025-03-10T10:00:17.250Z"),
            "tx-1-42",
            Instant.parse("2025-03-10T10:00:17.251Z"));
    private static final GroundTruth SILENT = new GroundTruth(
            "iot-1-2",
            "iot",
            "SILENT_DEVICE",
            "dev-1-3",
            Instant.parse("2025-03-10T10:01:00Z"),
            Instant.parse("2025-03-10T10:09:00Z"),
            null,
            null);

    @Test
    void writesOneJsonObjectPerLineWithIsoInstants() throws Exception {
        StringWriter out = new StringWriter();
        try (GroundTruthWriter writer = new GroundTruthWriter(out)) {
            writer.write(VELOCITY);
            writer.write(SILENT);
        }

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .startsWith("{")
                .endsWith("}")
                .contains("\"scenarioId\":\"pay-1-1\"")
                .contains("\"from\":\"2025-03-10T10:00:00Z\"")
                .contains("\"to\":\"2025-03-10T10:00:17.250Z\"")
                .doesNotContain("expectsAlert");
        assertThat(lines.get(1)).contains("\"triggerEventId\":null", "\"sentAt\":null");
        assertThat(GroundTruthReader.read(new StringReader(out.toString()))).containsExactly(VELOCITY, SILENT);
    }

    @Test
    void roundTripsThroughAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ground-truth.jsonl");
        try (GroundTruthWriter writer = GroundTruthWriter.open(file)) {
            writer.writeAll(List.of(VELOCITY, SILENT, VELOCITY));
        }
        Files.writeString(file, "\n", java.nio.file.StandardOpenOption.APPEND);

        assertThat(GroundTruthReader.read(file)).containsExactly(VELOCITY, SILENT, VELOCITY);
        assertThat(GroundTruthReader.parse(GroundTruthWriter.toJson(SILENT))).isEqualTo(SILENT);
    }

    @Test
    void ignoresUnknownFieldsAndRejectsBrokenLines() {
        String line = GroundTruthWriter.toJson(VELOCITY).replace("{", "{\"comment\":\"added later\",");

        assertThat(GroundTruthReader.parse(line)).isEqualTo(VELOCITY);
        assertThatThrownBy(() -> GroundTruthReader.parse("{\"scenarioId\":")).isInstanceOf(UncheckedIOException.class);
    }
}
