package dev.streamsuite.streams.autoconfigure;

import dev.streamsuite.streams.errors.DeadLetterMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code streamsuite.dead.letter.records}, {@code streamsuite.skipped.records} and
 * {@code streamsuite.punctuation.failures} and {@code streamsuite.misplaced.records} (Prometheus:
 * {@code streamsuite_dead_letter_records_total}, {@code streamsuite_skipped_records_total},
 * {@code streamsuite_punctuation_failures_total}, {@code streamsuite_misplaced_records_total}).
 */
final class MicrometerDeadLetterMetrics implements DeadLetterMetrics {

    static final String METER = "streamsuite.dead.letter.records";
    static final String SKIPPED_METER = "streamsuite.skipped.records";
    static final String PUNCTUATION_FAILURES_METER = "streamsuite.punctuation.failures";
    static final String MISPLACED_METER = "streamsuite.misplaced.records";

    private final MeterRegistry registry;

    MicrometerDeadLetterMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void recordDeadLetter(Stage stage, String sourceTopic, Exception cause) {
        increment(
                METER,
                "Records sent to the dead-letter topic",
                "stage",
                stage.name().toLowerCase(java.util.Locale.ROOT),
                "topic",
                orUnknown(sourceTopic),
                "exception",
                cause.getClass().getSimpleName());
    }

    @Override
    public void recordSkipped(String sourceTopic, Exception cause) {
        increment(
                SKIPPED_METER,
                "Records of global-store topics skipped because they cannot be used",
                "topic",
                orUnknown(sourceTopic),
                "exception",
                cause.getClass().getSimpleName());
    }

    @Override
    public void recordPunctuationFailure(String processor, Exception cause) {
        increment(
                PUNCTUATION_FAILURES_METER,
                "Punctuations that failed; their stream thread was replaced and the work redone",
                "processor",
                orUnknown(processor),
                "exception",
                cause.getClass().getSimpleName());
    }

    @Override
    public void recordMisplaced(String topic) {
        increment(MISPLACED_METER, "Records not on the partition murmur2 of their key points to", "topic", topic);
    }

    private void increment(String meter, String description, String... tags) {
        Counter.builder(meter)
                .description(description)
                .tags(tags)
                .register(registry)
                .increment();
    }

    private static String orUnknown(String value) {
        return value == null ? "unknown" : value;
    }
}
