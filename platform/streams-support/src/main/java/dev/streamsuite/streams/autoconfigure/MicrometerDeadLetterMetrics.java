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
        Counter.builder(METER)
                .description("Records sent to the dead-letter topic")
                .tag("stage", stage.name().toLowerCase(java.util.Locale.ROOT))
                .tag("topic", sourceTopic == null ? "unknown" : sourceTopic)
                .tag("exception", cause.getClass().getSimpleName())
                .register(registry)
                .increment();
    }

    @Override
    public void recordSkipped(String sourceTopic, Exception cause) {
        Counter.builder(SKIPPED_METER)
                .description("Records of global-store topics skipped because they cannot be used")
                .tag("topic", sourceTopic == null ? "unknown" : sourceTopic)
                .tag("exception", cause.getClass().getSimpleName())
                .register(registry)
                .increment();
    }

    @Override
    public void recordPunctuationFailure(String processor, Exception cause) {
        Counter.builder(PUNCTUATION_FAILURES_METER)
                .description("Punctuations that failed; their stream thread was replaced and the work redone")
                .tag("processor", processor == null ? "unknown" : processor)
                .tag("exception", cause.getClass().getSimpleName())
                .register(registry)
                .increment();
    }

    @Override
    public void recordMisplaced(String topic) {
        Counter.builder(MISPLACED_METER)
                .description("Records not on the partition murmur2 of their key points to")
                .tag("topic", topic)
                .register(registry)
                .increment();
    }
}
