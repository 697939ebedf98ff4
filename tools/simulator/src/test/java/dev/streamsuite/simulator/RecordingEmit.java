package dev.streamsuite.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/** Records what a simulator emits, in order. */
public final class RecordingEmit implements Emit {

    /** One emitted record; {@code value} is null for raw bytes, {@code raw} for a record. */
    public record Sent(String topic, String key, SpecificRecord value, byte[] raw) {

        /** A stable text form, for comparing whole runs. */
        public String line() {
            return topic + "|" + key + "|"
                    + (value != null ? value.toString() : Base64.getEncoder().encodeToString(raw));
        }
    }

    public final List<Sent> sent = new ArrayList<>();

    @Override
    public void send(String topic, String key, SpecificRecord value) {
        sent.add(new Sent(topic, key, value, null));
    }

    @Override
    public void sendRaw(String topic, String key, byte[] value) {
        sent.add(new Sent(topic, key, null, value.clone()));
    }

    public <T> List<T> values(String topic, Class<T> type) {
        return sent.stream()
                .filter(s -> s.topic().equals(topic) && s.value() != null)
                .map(s -> type.cast(s.value()))
                .toList();
    }

    public List<Sent> on(String topic) {
        return sent.stream().filter(s -> s.topic().equals(topic)).toList();
    }

    /**
     * A whole run to compare runs by: a fresh recording, the simulator's reference data, ticks every
     * {@code step} from {@code from} to {@code until}; then every record sent, followed by the
     * ground truth the simulator recorded.
     */
    public static List<String> transcript(
            Function<Emit, TrafficSimulator> simulator, Instant from, Instant until, Duration step) {
        var recording = new RecordingEmit();
        TrafficSimulator running = simulator.apply(recording);
        running.publishReferenceData();
        run(from, until, step, running);
        List<String> lines = new ArrayList<>(recording.lines());
        running.drainGroundTruth().forEach(truth -> lines.add(truth.toString()));
        return lines;
    }

    public List<String> lines() {
        return sent.stream().map(Sent::line).toList();
    }

    /** Ticks the simulators at {@code from}, {@code from + step} ... up to {@code until}; returns the last tick. */
    public static Instant run(Instant from, Instant until, Duration step, TrafficSimulator... simulators) {
        Instant t = from;
        while (!t.isAfter(until)) {
            for (TrafficSimulator simulator : simulators) {
                simulator.tick(t);
            }
            t = t.plus(step);
        }
        return t.minus(step);
    }
}
