package dev.streamsuite.streams.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.junit.jupiter.api.Test;

class DeadLetterProcessingHandlerTest {

    private static final String DEAD_LETTER = "handler-test.dlq";

    private final List<String> deadLetters = new ArrayList<>();
    private final List<String> punctuationFailures = new ArrayList<>();

    @Test
    void aFailingPunctuationIsCountedAndFailsTheThreadInsteadOfCommittingHalfItsWork() {
        try (var driver = driver()) {
            driver.createInputTopic("in", new StringSerializer(), new StringSerializer())
                    .pipeInput("k", "v");

            assertThatThrownBy(() -> driver.advanceWallClockTime(Duration.ofSeconds(2)))
                    .isInstanceOf(StreamsException.class)
                    .hasRootCauseMessage("punctuation broke");
            assertThat(punctuationFailures).containsExactly("flaky/IllegalStateException");
            assertThat(deadLetters).isEmpty();
        }
    }

    @Test
    void aRecordTheProcessorFailsOnIsDeadLetteredAndProcessingGoesOn() {
        try (var driver = driver()) {
            var input = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
            input.pipeInput("k", "poison");
            input.pipeInput("k", "fine");

            assertThat(deadLetters).containsExactly("in/IllegalArgumentException");
            assertThat(driver.createOutputTopic(DEAD_LETTER, new StringDeserializer(), new StringDeserializer())
                            .readRecordsToList())
                    .singleElement()
                    .satisfies(record -> assertThat(new String(
                                    record.headers()
                                            .lastHeader("__streams.errors.message")
                                            .value(),
                                    StandardCharsets.UTF_8))
                            .isEqualTo("poison value"));
        }
    }

    private TopologyTestDriver driver() {
        var builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .processValues(Flaky::new, Named.as("flaky"));
        var properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "handler-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        DeadLetterHandlers.apply(properties, DEAD_LETTER);
        properties.put(DeadLetterMetrics.CONFIG_KEY, new DeadLetterMetrics() {
            @Override
            public void recordDeadLetter(Stage stage, String sourceTopic, Exception cause) {
                deadLetters.add(sourceTopic + "/" + cause.getClass().getSimpleName());
            }

            @Override
            public void recordPunctuationFailure(String processor, Exception cause) {
                punctuationFailures.add(processor + "/" + cause.getClass().getSimpleName());
            }
        });
        return new TopologyTestDriver(builder.build(), properties);
    }

    private static final class Flaky implements FixedKeyProcessor<String, String, String> {

        @Override
        public void init(FixedKeyProcessorContext<String, String> context) {
            context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, now -> {
                throw new IllegalStateException("punctuation broke");
            });
        }

        @Override
        public void process(FixedKeyRecord<String, String> record) {
            if (record.value().equals("poison")) {
                throw new IllegalArgumentException("poison value");
            }
        }
    }
}
