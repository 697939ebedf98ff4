package dev.streamsuite.simulator.evaluation;

import dev.streamsuite.simulator.GroundTruth;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;

/**
 * Writes ground truth as JSON lines: one object per line with the fields of {@link GroundTruth}, instants as ISO-8601
 * strings and unknown values as {@code null}. Safe to call from several threads.
 */
public final class GroundTruthWriter implements Closeable, Flushable {

    private final Writer out;

    /** Writes to {@code out}, which this writer closes on {@link #close()}. */
    public GroundTruthWriter(Writer out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Creates or truncates {@code file}, in UTF-8. */
    public static GroundTruthWriter open(Path file) throws IOException {
        return new GroundTruthWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    /** The JSON line of one ground truth, without the line break. */
    public static String toJson(GroundTruth truth) {
        return JsonLines.toLine(Objects.requireNonNull(truth, "truth"));
    }

    public synchronized void write(GroundTruth truth) throws IOException {
        out.write(toJson(truth));
        out.write('\n');
    }

    public synchronized void writeAll(Collection<GroundTruth> truths) throws IOException {
        for (GroundTruth truth : truths) {
            write(truth);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
