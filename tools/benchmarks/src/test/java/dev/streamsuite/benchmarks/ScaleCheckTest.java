package dev.streamsuite.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The scale check compares each service's longest stretch with the transaction timeout it configures. */
class ScaleCheckTest {

    @Test
    void eachServiceIsComparedWithTheTransactionTimeoutItsApplicationYmlSets() {
        Map<String, Long> timeouts = ScaleCheck.parts().stream()
                .collect(Collectors.toMap(
                        ScaleCheck.Part::service, part -> ScaleCheck.transactionTimeoutMs(part.application())));

        assertThat(timeouts)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "iot-aggregator", 60_000L,
                        "fraud-detector", ScaleCheck.KAFKA_STREAMS_TRANSACTION_TIMEOUT_MS,
                        "clickstream-recommender", ScaleCheck.KAFKA_STREAMS_TRANSACTION_TIMEOUT_MS));
    }
}
