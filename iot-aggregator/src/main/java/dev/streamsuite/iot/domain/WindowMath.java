package dev.streamsuite.iot.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which event-time windows an instant falls into, computed as Kafka Streams {@code TimeWindows} does: windows are
 * half-open {@code [start, start + size)}, aligned to the epoch, in whole milliseconds, and none starts before the
 * epoch. Meant for reasoning about windows in tests and queries, not for assigning records.
 */
public final class WindowMath {

    private WindowMath() {}

    /** The start of the tumbling window of the given size that contains {@code t}. */
    public static Instant windowStart(Instant t, Duration size) {
        long sizeMillis = positiveMillis("size", size);
        long millis = epochMillis(t);
        return Instant.ofEpochMilli(millis - millis % sizeMillis);
    }

    /**
     * The starts of all hopping windows that contain {@code t}, oldest first: every multiple of {@code advance} in
     * {@code (t - size, t]}, e.g. five windows for a size of 5 minutes advancing by 1 minute.
     *
     * @param advance at most {@code size}; equal to it for tumbling windows
     */
    public static List<Instant> hoppingWindowStarts(Instant t, Duration size, Duration advance) {
        long sizeMillis = positiveMillis("size", size);
        long advanceMillis = positiveMillis("advance", advance);
        if (advanceMillis > sizeMillis) {
            throw new IllegalArgumentException("advance " + advance + " must not be longer than size " + size);
        }
        long millis = epochMillis(t);
        long oldest = Math.max(0, millis - sizeMillis + advanceMillis) / advanceMillis * advanceMillis;
        List<Instant> starts = new ArrayList<>();
        for (long start = oldest; start <= millis; start += advanceMillis) {
            starts.add(Instant.ofEpochMilli(start));
        }
        return List.copyOf(starts);
    }

    private static long epochMillis(Instant t) {
        Objects.requireNonNull(t, "t");
        if (t.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("windows start at the epoch, " + t + " is before it");
        }
        return t.toEpochMilli();
    }

    private static long positiveMillis(String name, Duration duration) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero() || duration.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException(
                    name + " must be a positive whole number of milliseconds, was " + duration);
        }
        return duration.toMillis();
    }
}
