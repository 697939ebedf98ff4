package dev.streamsuite.simulator.evaluation;

import dev.streamsuite.simulator.GroundTruth;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads what {@link GroundTruthWriter} wrote. Blank lines are skipped; unknown fields are ignored. */
public final class GroundTruthReader {

    private GroundTruthReader() {}

    public static List<GroundTruth> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }

    /** Reads to the end of {@code reader}, and leaves it open. */
    public static List<GroundTruth> read(Reader reader) throws IOException {
        return JsonLines.readAll(reader, GroundTruth.class);
    }

    /** One JSON line. */
    public static GroundTruth parse(String line) {
        return JsonLines.fromLine(line, GroundTruth.class);
    }
}
