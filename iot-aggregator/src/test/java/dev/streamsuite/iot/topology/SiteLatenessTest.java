package dev.streamsuite.iot.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamsuite.iot.state.EnrichedReading;
import dev.streamsuite.streams.autoconfigure.ServiceSettings;
import dev.streamsuite.testsupport.PlainAvroSerdes;
import dev.streamsuite.testsupport.TestDrivers;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * The site windows' lateness filter on its own: in the whole topology, readings of several input
 * partitions meet behind the repartition, which one test driver partition cannot show.
 */
class SiteLatenessTest {

    private static final IotSettings SETTINGS = ServiceSettings.shipped("iot", IotSettings.class);

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void readingsBehindTheNewestByMoreThanTheSiteGraceAreCountedNotAggregated() {
        var serde = new PlainAvroSerdes().internalSerde(EnrichedReading.class);
        var builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(IotTopology.SITE_CLOCK_STORE), Serdes.String(), Serdes.Long()));
        builder.stream("by-site", Consumed.with(Serdes.String(), serde))
                .processValues(() -> new SiteLateness(SETTINGS), Named.as("lateness"), IotTopology.SITE_CLOCK_STORE)
                .to("site-windows", Produced.with(Serdes.String(), serde));
        var properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "site-lateness-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");

        try (var driver = new TopologyTestDriver(builder.build(), properties)) {
            var in = driver.createInputTopic("by-site", Serdes.String().serializer(), serde.serializer());
            var out = driver.createOutputTopic("site-windows", Serdes.String().deserializer(), serde.deserializer());
            // Another partition ran 20 minutes ahead; the site grace (10 min) absorbs 5 of them, not 20.
            in.pipeInput(
                    "site-a/temperature",
                    reading("ahead", T0.plus(Duration.ofMinutes(20))),
                    T0.plus(Duration.ofMinutes(20)));
            in.pipeInput(
                    "site-a/temperature",
                    reading("behind-5m", T0.plus(Duration.ofMinutes(15))),
                    T0.plus(Duration.ofMinutes(15)));
            in.pipeInput("site-a/temperature", reading("behind-20m", T0), T0);

            assertThat(out.readValuesToList())
                    .extracting(EnrichedReading::getReadingId)
                    .containsExactly("ahead", "behind-5m");
            assertThat(TestDrivers.metricTotal(driver, "late-site-reading-total"))
                    .isEqualTo(1.0);
        }
    }

    private static EnrichedReading reading(String id, Instant at) {
        return EnrichedReading.newBuilder()
                .setReadingId(id)
                .setDeviceId("dev-1")
                .setValue(20.0)
                .setEventTime(at)
                .setSiteId("site-a")
                .setSensorType("temperature")
                .setUnit("celsius")
                .setKnownDevice(true)
                .build();
    }
}
