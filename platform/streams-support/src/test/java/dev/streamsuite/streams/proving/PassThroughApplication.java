package dev.streamsuite.streams.proving;

import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.payments.Transaction;
import dev.streamsuite.streams.AvroSerdes;
import dev.streamsuite.streams.InvalidRecordException;
import dev.streamsuite.streams.StreamsTopology;
import dev.streamsuite.streams.Topic;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Named;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The proving slice: the smallest service built only from streams-support. It copies valid
 * payments to an output topic and rejects payments with a negative amount.
 */
@SpringBootApplication
public class PassThroughApplication {

    static final String OUTPUT = "proving.transactions-out";

    @Bean
    PassThroughTopology passThroughTopology(AvroSerdes serdes) {
        return new PassThroughTopology(
                serdes.topic(TopicCatalog.TRANSACTIONS), serdes.topic(TopicCatalog.TRANSACTIONS.withName(OUTPUT)));
    }

    @Bean
    NewTopic provingOutputTopic() {
        return new NewTopic(OUTPUT, 3, (short) 1);
    }

    record PassThroughTopology(Topic<String, Transaction> input, Topic<String, Transaction> output)
            implements StreamsTopology {

        @Override
        public void addTo(StreamsBuilder builder) {
            builder.stream(input.name(), input.consumed("payments"))
                    .peek((card, payment) -> validate(payment), Named.as("validate"))
                    .to(output.name(), output.produced("copy"));
        }

        private static void validate(Transaction payment) {
            if (payment.getAmountMinor() < 0) {
                throw new InvalidRecordException("amountMinor is negative: " + payment.getAmountMinor());
            }
        }
    }
}
