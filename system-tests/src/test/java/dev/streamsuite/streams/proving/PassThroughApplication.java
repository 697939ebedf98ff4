package dev.streamsuite.streams.proving;

import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.payments.Transaction;
import dev.streamsuite.streams.AvroSerdes;
import dev.streamsuite.streams.InvalidRecordException;
import dev.streamsuite.streams.StreamsTopology;
import dev.streamsuite.streams.Topic;
import dev.streamsuite.testsupport.TopicReader;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Named;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The proving slice: the smallest service built only from streams-support. It copies valid
 * payments to an output topic and rejects payments with a negative amount. A payment whose id
 * ends in {@code -crash} kills the stream thread once, mid-transaction, once the payment
 * {@code <same prefix>-written} was written to the output (not committed yet).
 */
@SpringBootApplication
public class PassThroughApplication {

    static final String OUTPUT = "proving.transactions-out";

    /** Ids of the crash payments that already crashed the thread once. */
    static final Set<String> CRASHED = ConcurrentHashMap.newKeySet();

    @Bean
    PassThroughTopology passThroughTopology(
            AvroSerdes serdes, @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        return new PassThroughTopology(
                serdes.topic(TopicCatalog.TRANSACTIONS),
                serdes.topic(TopicCatalog.TRANSACTIONS.withName(OUTPUT)),
                bootstrapServers);
    }

    @Bean
    NewTopic provingOutputTopic() {
        return new NewTopic(OUTPUT, 3, (short) 1);
    }

    record PassThroughTopology(
            Topic<String, Transaction> input, Topic<String, Transaction> output, String bootstrapServers)
            implements StreamsTopology {

        @Override
        public void addTo(StreamsBuilder builder) {
            builder.stream(input.name(), input.consumed("payments"))
                    .peek((card, payment) -> validate(payment), Named.as("validate"))
                    .peek((card, payment) -> maybeCrash(payment), Named.as("crash-once"))
                    .to(output.name(), output.produced("copy"));
        }

        private void maybeCrash(Transaction payment) {
            String id = payment.getTransactionId();
            if (!id.endsWith("-crash") || !CRASHED.add(id)) {
                return;
            }
            String before = id.substring(0, id.length() - "crash".length()) + "written";
            try (var written = TopicReader.uncommitted(
                    bootstrapServers,
                    output.name(),
                    output.keySerde().deserializer(),
                    output.valueSerde().deserializer())) {
                written.readUntil(
                        read -> read.stream()
                                .anyMatch(r -> r.value().getTransactionId().equals(before)),
                        Duration.ofSeconds(5));
            }
            throw new InjectedCrash(id);
        }

        private static void validate(Transaction payment) {
            if (payment.getAmountMinor() < 0) {
                throw new InvalidRecordException("amountMinor is negative: " + payment.getAmountMinor());
            }
        }
    }

    /** An Error, so that no exception handler takes it: the stream thread dies as in a real crash. */
    static final class InjectedCrash extends Error {

        private static final long serialVersionUID = 1L;

        InjectedCrash(String id) {
            super("Injected crash at payment " + id);
        }
    }
}
