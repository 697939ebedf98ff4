package dev.streamsuite.iot.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamsuite.iot.state.WindowState;
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
 * The site windows' lateness filter on its own: in the whole topology, device windows of several
 * input partitions meet behind the repartition, which one test driver partition cannot show.
 */
class SiteLatenessTest {

    private static final IotSettings SETTINGS = ServiceSettings.shipped("iot", IotSettings.class);

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void deviceWindowsBehindTheNewestByMoreThanTheSiteGraceAreCountedNotAggregated() {
        var serde = new PlainAvroSerdes().internalSerde(WindowState.class);
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
            in.pipeInput("site-a/temperature", deviceWindow(3, T0.plus(Duration.ofMinutes(20))), lastMillisecond(20));
            in.pipeInput("site-a/temperature", deviceWindow(5, T0.plus(Duration.ofMinutes(15))), lastMillisecond(15));
            in.pipeInput("site-a/temperature", deviceWindow(7, T0), lastMillisecond(0));

            assertThat(out.readValuesToList()).extracting(WindowState::getCount).containsExactly(3L, 5L);
            assertThat(TestDrivers.metricTotal(driver, "late-site-reading-total"))
                    .as("the late window's readings")
                    .isEqualTo(7.0);
        }
    }

    /** The last millisecond of the one-minute device window starting {@code minutes} after T0. */
    private static Instant lastMillisecond(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes + 1)).minusMillis(1);
    }

    private static WindowState deviceWindow(long readings, Instant start) {
        return WindowState.newBuilder()
                .setCount(readings)
                .setMean(20.0)
                .setM2(0.0)
                .setMin(20.0)
                .setMax(20.0)
                .setFirst(20.0)
                .setFirstTime(start.toEpochMilli())
                .setLast(20.0)
                .setLastTime(start.toEpochMilli())
                .setSiteId("site-a")
                .setSensorType("temperature")
                .setKnownDevice(true)
                .build();
    }
}
