package dev.streamsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamsuite.reliability.FaultRun.Fault;
import dev.streamsuite.testsupport.BrokerProcess;
import dev.streamsuite.testsupport.RealKafkaAndRegistry;
import dev.streamsuite.testsupport.TestInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The full fault campaign, per service: 100,000 records (or {@code -Dstreamsuite.campaign.events})
 * through two instances while they are killed six times (once right after a restore), frozen
 * past their session, restarted one by one, and while the broker restarts. Run it with
 * {@code ./mvnw -pl system-tests verify -Pfault-campaign}; the summaries go to
 * {@code system-tests/target/fault-campaign.txt}. The broker is a process of its own here, so it
 * can be restarted.
 */
@RealKafkaAndRegistry
class FaultCampaignIT {

    static final List<Fault> FAULTS = List.of(
            Fault.KILL,
            Fault.KILL,
            Fault.KILL_AFTER_RESTORE,
            Fault.PAUSE,
            Fault.KILL,
            Fault.ROLLING_RESTART,
            Fault.BROKER_RESTART,
            Fault.KILL);

    private static BrokerProcess broker;

    @BeforeAll
    static void startBroker() {
        broker = BrokerProcess.plaintext(Path.of("target/campaign-broker-" + System.currentTimeMillis()));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    /** The services, or those {@code -Dstreamsuite.campaign.services=a,b} names. */
    static List<String> services() {
        return Arrays.stream(System.getProperty(
                                "streamsuite.campaign.services",
                                "fraud-detector,iot-aggregator,clickstream-recommender")
                        .split(","))
                .map(String::strip)
                .toList();
    }

    @ParameterizedTest
    @MethodSource("services")
    void exactlyOnceThroughTheCampaign(String service) throws Exception {
        int events = Integer.getInteger("streamsuite.campaign.events", 100_000);
        var cluster = new FaultRun.Cluster(broker.bootstrapServers(), broker::admin, broker::restart);
        var summary = new FaultRun(Workloads.of(service), cluster, TestInfrastructure.shared()).run(events, FAULTS);
        System.out.printf("%n%s%n", summary.line());
        Files.writeString(
                Path.of("target/fault-campaign.txt"),
                summary.line() + System.lineSeparator(),
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);

        FaultAssertions.assertExactlyOnce(summary);
        assertThat(summary.kills()).isGreaterThanOrEqualTo(5);
        assertThat(summary.pauseSeconds()).hasSize(1);
    }
}
