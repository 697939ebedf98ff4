package dev.streamsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamsuite.testsupport.RealKafkaAndRegistry;
import dev.streamsuite.testsupport.TestInfrastructure;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast part of the fault campaign ({@link FaultCampaignIT}): per service, one {@code kill -9}
 * of one of two instances while they work through 12,000 records, with invalid and unreadable
 * records among them. Every output must be there once, as the uninterrupted recomputation has
 * it, with no transaction left open; every bad record in the dead-letter topic once, with its
 * error; no stream thread may fail.
 */
@RealKafkaAndRegistry
class ExactlyOnceIT {

    private final TestInfrastructure infrastructure = TestInfrastructure.shared();

    @ParameterizedTest
    @ValueSource(strings = {"fraud-detector", "iot-aggregator", "clickstream-recommender"})
    void everyOutputIsWrittenExactlyOnceAcrossAHardKill(String service) throws Exception {
        var kafka = infrastructure.kafka();
        var cluster = new FaultRun.Cluster(kafka.bootstrapServers(), kafka::admin, () -> {
            throw new UnsupportedOperationException("The shared broker runs in this JVM");
        });
        var summary =
                new FaultRun(Workloads.of(service), cluster, infrastructure).run(12_000, List.of(FaultRun.Fault.KILL));
        System.out.printf("%n%s%n", summary.line());

        FaultAssertions.assertExactlyOnce(summary);
        assertThat(summary.kills()).isEqualTo(1);
        assertThat(summary.threadFailures())
                .as("stream threads that failed: bad input must not stop one")
                .isZero();
    }
}
