package dev.streamsuite.streams.autoconfigure;

import dev.streamsuite.streams.errors.DeadLetterMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code streamsuite.dead.letter.records} (Prometheus: {@code streamsuite_dead_letter_records_total}). */
final class MicrometerDeadLetterMetrics implements DeadLetterMetrics {

    static final String METER = "streamsuite.dead.letter.records";

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
}
