package dev.streamsuite.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scale check compares each service's longest stretch with the transaction timeout it configures. */
class ScaleCheckTest {

    @TempDir
    Path repository;

    @Test
    void aServiceThatSetsATransactionTimeoutIsComparedWithIts() throws Exception {
        write(
                "iot-aggregator",
                """
                spring:
                  kafka:
                    streams:
                      properties:
                        topic.compression.type: producer
                        producer.transaction.timeout.ms: 60000
                """);

        assertThat(ScaleCheck.transactionTimeoutMs(repository, "iot-aggregator"))
                .isEqualTo(60_000);
    }

    @Test
    void aServiceThatSetsNoneRunsWithKafkaStreamsDefault() throws Exception {
        write(
                "fraud-detector",
                """
                spring:
                  application:
                    name: fraud-detector
                  kafka:
                    streams:
                      properties:
                        commit.interval.ms: 50
                """);
        write("clickstream-recommender", "server:\n  port: 8080\n");

        assertThat(ScaleCheck.transactionTimeoutMs(repository, "fraud-detector"))
                .isEqualTo(ScaleCheck.KAFKA_STREAMS_TRANSACTION_TIMEOUT_MS);
        assertThat(ScaleCheck.transactionTimeoutMs(repository, "clickstream-recommender"))
                .isEqualTo(ScaleCheck.KAFKA_STREAMS_TRANSACTION_TIMEOUT_MS);
    }

    @Test
    void theServicesOfThisRepositoryAreReadAsConfigured() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();

        assertThat(ScaleCheck.transactionTimeoutMs(root, "iot-aggregator")).isEqualTo(60_000);
        assertThat(ScaleCheck.transactionTimeoutMs(root, "fraud-detector"))
                .isEqualTo(ScaleCheck.KAFKA_STREAMS_TRANSACTION_TIMEOUT_MS);
    }

    private void write(String service, String yaml) throws Exception {
        Path file = repository.resolve(service).resolve("src/main/resources/application.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
    }
}
