package dev.streamsuite.iot.topology;

import static dev.streamsuite.schemas.iot.DeviceAlertType.SILENT_DEVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.streamsuite.iot.domain.AlertIds;
import dev.streamsuite.iot.state.DevicePresenceState;
import dev.streamsuite.schemas.iot.AggregateScope;
import dev.streamsuite.schemas.iot.Device;
import dev.streamsuite.schemas.iot.DeviceAlert;
import dev.streamsuite.schemas.iot.DeviceAlertType;
import dev.streamsuite.schemas.iot.SensorReading;
import dev.streamsuite.schemas.iot.Thresholds;
import dev.streamsuite.schemas.iot.WindowedAggregate;
import dev.streamsuite.streams.SourceTopics;
import dev.streamsuite.streams.Topic;
import dev.streamsuite.streams.autoconfigure.ServiceSettings;
import dev.streamsuite.testsupport.PlainAvroSerdes;
import dev.streamsuite.testsupport.TestDrivers;
import dev.streamsuite.testsupport.TopologySnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IotTopologyTest {

    private static final IotSettings SETTINGS = ServiceSettings.shipped("iot", IotSettings.class);

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final String DEAD_LETTER = "iot-aggregator.dlq";

    private final IotTopics topics = IotTopics.from(new PlainAvroSerdes());
    private TopologyTestDriver driver;
    private TestInputTopic<String, SensorReading> readings;
    private TestInputTopic<String, Device> devices;
    private TestOutputTopic<String, WindowedAggregate> deviceAggregates;
    private TestOutputTopic<String, WindowedAggregate> siteAggregates;
    private TestOutputTopic<String, DeviceAlert> alerts;
    private TestOutputTopic<String, SensorReading> late;
    private int sequence;

    @BeforeEach
    void startDriver() {
        driver = TestDrivers.start(new IotTopology(topics, SETTINGS), "iot-aggregator-test", DEAD_LETTER, T0);
        readings = TestDrivers.input(driver, topics.readings());
        devices = TestDrivers.input(driver, topics.devices());
        deviceAggregates = output(topics.deviceAggregates());
        siteAggregates = output(topics.siteAggregates());
        alerts = output(topics.alerts());
        late = output(topics.lateReadings());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void emitsEachWindowsFinalResultOnceWhenItCloses() {
        register("dev-1", "site-a", null, null, null);
        read("dev-1", 20.0, T0.plusSeconds(10));
        read("dev-1", 22.0, T0.plusSeconds(20));
        read("dev-1", 24.0, T0.plusSeconds(40));
        read("dev-1", 21.0, T0.plusSeconds(85));
        assertThat(deviceAggregates.isEmpty())
                .as("window [0, 60s) is open until 60s + 30s grace")
                .isTrue();

        read("dev-1", 21.0, T0.plusSeconds(95));
        read("dev-1", 21.0, T0.plusSeconds(100));

        assertThat(deviceAggregates.readValuesToList()).singleElement().satisfies(aggregate -> {
            assertThat(aggregate.getScope()).isEqualTo(AggregateScope.DEVICE);
            assertThat(aggregate.getDeviceId()).isEqualTo("dev-1");
            assertThat(aggregate.getWindow().getStart()).isEqualTo(T0);
            assertThat(aggregate.getWindow().getEnd()).isEqualTo(T0.plusSeconds(60));
            assertThat(aggregate.getCount()).isEqualTo(3);
            assertThat(aggregate.getMin()).isEqualTo(20.0);
            assertThat(aggregate.getMax()).isEqualTo(24.0);
            assertThat(aggregate.getMean()).isCloseTo(22.0, within(1e-9));
            assertThat(aggregate.getStdDev()).isCloseTo(Math.sqrt(8.0 / 3), within(1e-9));
            assertThat(aggregate.getFirst()).isEqualTo(20.0);
            assertThat(aggregate.getLast()).isEqualTo(24.0);
            assertThat(aggregate.getSiteId()).isEqualTo("site-a");
            assertThat(aggregate.getSensorType()).isEqualTo("temperature");
            assertThat(aggregate.getKnownDevice()).isTrue();
        });
    }

    @Test
    void outOfOrderReadingWithinTheGraceCountsInItsWindow() {
        read("dev-1", 10.0, T0.plusSeconds(70));
        read("dev-1", 30.0, T0.plusSeconds(50));
        closeWindowsUpTo(T0.plusSeconds(200), "dev-1");

        var first = deviceAggregates.readValuesToList().get(0);
        assertThat(first.getWindow().getStart()).isEqualTo(T0);
        assertThat(first.getCount()).isEqualTo(1);
        assertThat(first.getMean()).isEqualTo(30.0);
        assertThat(late.isEmpty()).isTrue();
    }

    @Test
    void readingLaterThanTheGraceGoesToTheLateTopicAndIsCounted() {
        read("dev-1", 10.0, T0.plusSeconds(10));
        read("dev-1", 10.0, T0.plusSeconds(100));
        var straggler = read("dev-1", 99.0, T0.plusSeconds(30));

        assertThat(late.readValuesToList()).containsExactly(straggler);
        assertThat(deviceAggregates.readValuesToList())
                .singleElement()
                .satisfies(aggregate -> assertThat(aggregate.getMax()).isEqualTo(10.0));
        assertThat(lateReadingTotal()).isEqualTo(1.0);
    }

    @Test
    void aReadingLateBeforeARestartIsStillLateAfterIt() {
        read("dev-1", 10.0, T0.plusSeconds(10));
        closeWindowsUpTo(T0.plusSeconds(200), "dev-1");
        assertThat(deviceAggregates.readValuesToList()).hasSize(1);

        // A restart: the stores hold what was committed; nothing else survives.
        var clock = new java.util.HashMap<String, Long>();
        try (var all = driver.<String, Long>getKeyValueStore(IotTopology.READING_CLOCK_STORE)
                .all()) {
            all.forEachRemaining(kv -> clock.put(kv.key, kv.value));
        }
        closeDriver();
        startDriver();
        clock.forEach(driver.<String, Long>getKeyValueStore(IotTopology.READING_CLOCK_STORE)::put);

        var straggler = read("dev-1", 99.0, T0.plusSeconds(30));
        closeWindowsUpTo(T0.plusSeconds(400), "dev-1");

        assertThat(late.readValuesToList()).containsExactly(straggler);
        assertThat(deviceAggregates.readValuesToList())
                .extracting(a -> a.getWindow().getStart())
                .doesNotContain(T0);
    }

    @Test
    void deviceUpdatesWithWallClockTimestampsDoNotMakeReadingsLate() {
        devices.pipeInput(
                "dev-1",
                Device.newBuilder()
                        .setDeviceId("dev-1")
                        .setSiteId("site-a")
                        .setSensorType("temperature")
                        .setUnit("celsius")
                        .setThresholds(new Thresholds(null, null, null))
                        .setUpdatedAt(T0)
                        .build(),
                T0.plus(Duration.ofDays(20)));
        read("dev-1", 10.0, T0.plusSeconds(10));
        closeWindowsUpTo(T0.plusSeconds(200), "dev-1");

        assertThat(late.isEmpty()).isTrue();
        assertThat(deviceAggregates.readValuesToList()).isNotEmpty();
    }

    @Test
    void readingsOfUnknownDevicesAreAggregatedAndMarked() {
        read("ghost", 5.0, T0.plusSeconds(5));
        closeWindowsUpTo(T0.plusSeconds(120), "ghost");

        assertThat(deviceAggregates.readValuesToList().get(0)).satisfies(aggregate -> {
            assertThat(aggregate.getKnownDevice()).isFalse();
            assertThat(aggregate.getSiteId()).isNull();
            assertThat(aggregate.getCount()).isEqualTo(1);
        });
    }

    @Test
    void valueHoveringAroundTheThresholdRaisesOneAlertAndOneClearance() {
        register("dev-1", "site-a", null, 30.0, null);
        double[] windowMaxima = {31, 29.9, 30.5, 31, 29};
        for (int minute = 0; minute < windowMaxima.length; minute++) {
            read(
                    "dev-1",
                    windowMaxima[minute],
                    T0.plus(Duration.ofMinutes(minute)).plusSeconds(5));
        }
        closeWindowsUpTo(T0.plus(Duration.ofMinutes(7)), "dev-1");

        assertThat(alerts.readValuesToList())
                .extracting(DeviceAlert::getType)
                .containsExactly(DeviceAlertType.THRESHOLD_HIGH, DeviceAlertType.THRESHOLD_CLEARED);
    }

    @Test
    void lowThresholdBreachRaisesALowAlertWithTheFigures() {
        register("dev-1", "site-a", 5.0, null, null);
        read("dev-1", 3.0, T0.plusSeconds(5));
        closeWindowsUpTo(T0.plus(Duration.ofMinutes(3)), "dev-1");

        assertThat(alerts.readValuesToList()).singleElement().satisfies(alert -> {
            assertThat(alert.getType()).isEqualTo(DeviceAlertType.THRESHOLD_LOW);
            assertThat(alert.getValue()).isEqualTo(3.0);
            assertThat(alert.getThreshold()).isEqualTo(5.0);
            assertThat(alert.getSiteId()).isEqualTo("site-a");
            assertThat(alert.getAlertId()).isNotBlank();
        });
    }

    @Test
    void suddenChangeOfTheWindowMeanRaisesARateOfChangeAlert() {
        register("dev-1", "site-a", null, null, 5.0);
        read("dev-1", 10.0, T0.plusSeconds(5));
        read("dev-1", 30.0, T0.plusSeconds(65));
        closeWindowsUpTo(T0.plus(Duration.ofMinutes(4)), "dev-1");

        assertThat(alerts.readValuesToList()).singleElement().satisfies(alert -> {
            assertThat(alert.getType()).isEqualTo(DeviceAlertType.RATE_OF_CHANGE);
            assertThat(alert.getValue()).isCloseTo(20.0, within(1e-9));
        });
    }

    @Test
    void theIdsOfSilenceAlertsComeFromTheReadingsNotFromTheClock() {
        register("dev-1", "site-a", null, null, null);
        read("dev-1", 20.0, T0);
        driver.advanceWallClockTime(Duration.ofMinutes(7).plusSeconds(13));
        read("dev-1", 21.0, T0.plus(Duration.ofMinutes(9)));

        assertThat(alerts.readValuesToList())
                .extracting(DeviceAlert::getAlertId)
                .containsExactly(
                        AlertIds.deviceAlertId("dev-1", "SILENT_DEVICE", T0),
                        AlertIds.deviceAlertId("dev-1", "BACK_ONLINE", T0.plus(Duration.ofMinutes(9))));
    }

    @Test
    void silentDeviceIsReportedOnceByThePunctuatorAndBackOnlineOnItsNextReading() {
        register("dev-1", "site-a", null, null, null);
        read("dev-1", 20.0, T0);

        driver.advanceWallClockTime(Duration.ofMinutes(4));
        assertThat(alerts.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofMinutes(2));
        driver.advanceWallClockTime(Duration.ofMinutes(10));
        assertThat(alerts.readValuesToList()).singleElement().satisfies(alert -> {
            assertThat(alert.getType()).isEqualTo(DeviceAlertType.SILENT_DEVICE);
            assertThat(alert.getSiteId()).isEqualTo("site-a");
        });

        read("dev-1", 20.0, T0.plus(Duration.ofMinutes(16)));
        assertThat(alerts.readValuesToList())
                .extracting(DeviceAlert::getType)
                .containsExactly(DeviceAlertType.BACK_ONLINE);
    }

    @Test
    void aDeviceSilentForTheForgetPeriodIsForgottenWithItsAlertStateAndStartsAfreshWhenItReturns() {
        register("dev-1", "site-a", null, null, 5.0);
        read("dev-1", 20.0, T0);
        closeWindowsUpTo(T0.plusSeconds(100), "dev-1");
        KeyValueStore<String, DevicePresenceState> presence = driver.getKeyValueStore(IotTopology.PRESENCE_STORE);
        KeyValueStore<String, ?> monitors = driver.getKeyValueStore(IotTopology.MONITOR_STORE);
        assertThat(monitors.get("dev-1")).isNotNull();

        driver.advanceWallClockTime(Duration.ofMinutes(6));
        assertThat(alerts.readValuesToList()).extracting(DeviceAlert::getType).containsExactly(SILENT_DEVICE);
        driver.advanceWallClockTime(Duration.ofDays(29));
        assertThat(presence.get("dev-1")).isNotNull();
        driver.advanceWallClockTime(Duration.ofDays(1));

        assertThat(presence.get("dev-1")).isNull();
        assertThat(monitors.get("dev-1")).isNull();
        assertThat(deadlineKeys()).containsExactly("~indexed");
        read("dev-1", 50.0, T0.plus(Duration.ofDays(30)));
        assertThat(alerts.isEmpty())
                .as("no BACK_ONLINE: the device starts afresh")
                .isTrue();
        assertThat(presence.get("dev-1").getSilent()).isFalse();
    }

    @Test
    void aCheckActsOnAtMostItsBatchOfDevicesAndTheNextChecksOnTheRest() {
        driver.close();
        var settings = ServiceSettings.shipped("iot", IotSettings.class, Map.of("iot.silence-check-batch", "2"));
        driver = TestDrivers.start(new IotTopology(topics, settings), "iot-aggregator-test", DEAD_LETTER, T0);
        readings = TestDrivers.input(driver, topics.readings());
        alerts = output(topics.alerts());
        for (int i = 1; i <= 5; i++) {
            read("dev-" + i, 20.0, T0);
        }

        var reported = new ArrayList<Integer>();
        driver.advanceWallClockTime(Duration.ofMinutes(6));
        reported.add(alerts.readValuesToList().size());
        for (int check = 0; check < 3; check++) {
            driver.advanceWallClockTime(SETTINGS.silenceCheckInterval());
            reported.add(alerts.readValuesToList().size());
        }

        assertThat(reported).containsExactly(2, 2, 1, 0);
    }

    @Test
    void devicesStoredBeforeTheDeadlineIndexExistedAreIndexedAndReportedSilent() {
        KeyValueStore<String, DevicePresenceState> presence = driver.getKeyValueStore(IotTopology.PRESENCE_STORE);
        presence.put(
                "dev-old",
                DevicePresenceState.newBuilder()
                        .setLastSeen(T0.toEpochMilli())
                        .setSiteId("site-a")
                        .setLatestReadingId("r-old")
                        .setLatestValue(20.0)
                        .setLatestEventTime(T0.toEpochMilli())
                        .build());

        driver.advanceWallClockTime(Duration.ofMinutes(6));
        driver.advanceWallClockTime(SETTINGS.silenceCheckInterval());

        assertThat(alerts.readValuesToList()).singleElement().satisfies(alert -> {
            assertThat(alert.getDeviceId()).isEqualTo("dev-old");
            assertThat(alert.getType()).isEqualTo(SILENT_DEVICE);
        });
    }

    private List<String> deadlineKeys() {
        KeyValueStore<String, Long> deadlines = driver.getKeyValueStore(IotTopology.PRESENCE_DEADLINES_STORE);
        var keys = new ArrayList<String>();
        try (var all = deadlines.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }

    @Test
    void siteRollUpCombinesDevicesOfTheSameTypeOnHoppingWindows() {
        register("dev-1", "site-a", null, null, null);
        register("dev-2", "site-a", null, null, null);
        read("dev-1", 10.0, T0.plusSeconds(30));
        read("dev-1", 12.0, T0.plusSeconds(45));
        read("dev-2", 20.0, T0.plusSeconds(90));
        read("dev-1", 10.0, T0.plus(Duration.ofMinutes(20)));

        // Site windows add up closed device windows: the site's clock is the newest closed one's end.
        assertThat(siteAggregates.isEmpty())
                .as("no device window after the site windows' end and grace has closed yet")
                .isTrue();
        closeWindowsUpTo(T0.plus(Duration.ofMinutes(22)), "dev-1");

        var sites = siteAggregates.readValuesToList();
        assertThat(sites).allSatisfy(aggregate -> {
            assertThat(aggregate.getScope()).isEqualTo(AggregateScope.SITE);
            assertThat(aggregate.getSiteId()).isEqualTo("site-a");
            assertThat(aggregate.getSensorType()).isEqualTo("temperature");
        });
        // Windows of 5 min advancing by 1 min: the four starting 3 min before T0 up to T0 contain
        // all three readings, with the statistics of the readings, not of the device windows.
        assertThat(sites)
                .filteredOn(a -> a.getWindow().getStart().equals(T0))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.getCount()).isEqualTo(3);
                    assertThat(a.getMean()).isEqualTo(14.0);
                    assertThat(a.getStdDev()).isCloseTo(Math.sqrt(56.0 / 3), within(1e-12));
                    assertThat(a.getMin()).isEqualTo(10.0);
                    assertThat(a.getMax()).isEqualTo(20.0);
                    assertThat(a.getFirst()).isEqualTo(10.0);
                    assertThat(a.getLast()).isEqualTo(20.0);
                });
        assertThat(sites).filteredOn(a -> a.getCount() == 3).hasSize(4);
        assertThat(sites)
                .filteredOn(a -> a.getWindow().getStart().equals(T0.minus(Duration.ofMinutes(4))))
                .singleElement()
                .satisfies(a -> assertThat(a.getCount()).isEqualTo(2));
        assertThat(sites)
                .filteredOn(a -> a.getWindow().getStart().equals(T0.plus(Duration.ofMinutes(1))))
                .singleElement()
                .satisfies(a -> assertThat(a.getCount()).isEqualTo(1));
    }

    @Test
    void invalidReadingsGoToTheDeadLetterTopicWithAReason() {
        register("dev-1", "site-a", null, null, null);
        read("dev-1", Double.NaN, T0);
        read("dev-1", Double.POSITIVE_INFINITY, T0);
        read("dev-1", 500.0, T0);
        read("", 20.0, T0);
        read("dev-1", 21.0, T0.plusSeconds(1));

        var reasons = TestDrivers.deadLetterMessages(driver, DEAD_LETTER);
        assertThat(reasons).hasSize(4);
        assertThat(reasons.get(0)).containsIgnoringCase("NaN");
        assertThat(reasons.get(1)).containsIgnoringCase("infinit");
        assertThat(reasons.get(2)).contains("physically impossible");
        assertThat(reasons.get(3)).containsIgnoringCase("device");
    }

    @Test
    void readingWhoseKeyIsNotItsDeviceGoesToTheDeadLetterTopic() {
        readings.pipeInput(
                "dev-2",
                SensorReading.newBuilder()
                        .setReadingId("r-x")
                        .setDeviceId("dev-1")
                        .setValue(20.0)
                        .setEventTime(T0)
                        .build(),
                T0);

        assertThat(TestDrivers.deadLetterMessages(driver, DEAD_LETTER))
                .singleElement()
                .asString()
                .contains("must be the deviceId");
    }

    @Test
    void deviceWithUnusableThresholdsStillGetsItsAggregatesButNoAlerts() {
        register("dev-1", "site-a", 50.0, 10.0, null);
        read("dev-1", 20.0, T0.plusSeconds(5));
        closeWindowsUpTo(T0.plus(Duration.ofMinutes(3)), "dev-1");

        assertThat(deviceAggregates.readValuesToList()).isNotEmpty();
        assertThat(alerts.readValuesToList()).isEmpty();
        assertThat(driver.createOutputTopic(DEAD_LETTER, new StringDeserializer(), new ByteArrayDeserializer())
                        .isEmpty())
                .isTrue();
    }

    @Test
    void readingsAndTheDeviceRegistryMustBeCoPartitioned() {
        var description =
                new IotTopology(topics, SETTINGS).build(new Properties()).describe();
        var mismatched = new SourceTopics(
                Map.of(topics.readings().name(), 6, topics.devices().name(), 3));

        assertThatThrownBy(() -> mismatched.requireCoPartitioned(description, "iot-aggregator"))
                .hasMessageContaining(topics.devices().name() + " (3 partitions) and "
                        + topics.readings().name() + " (6 partitions)");
    }

    @Test
    void topologyMatchesTheReviewedSnapshot() {
        TopologySnapshot.assertMatchesSnapshot(new IotTopology(topics, SETTINGS).build(new Properties()));
    }

    /** Advances stream time with a reading far enough ahead that earlier windows close. */
    private void closeWindowsUpTo(Instant time, String device) {
        read(device, 1.0, time);
    }

    private double lateReadingTotal() {
        return TestDrivers.metricTotal(driver, "late-reading-total");
    }

    private SensorReading read(String device, double value, Instant at) {
        var reading = SensorReading.newBuilder()
                .setReadingId("r-" + (++sequence))
                .setDeviceId(device)
                .setValue(value)
                .setEventTime(at)
                .build();
        readings.pipeInput(device, reading, at);
        return reading;
    }

    private void register(String device, String site, Double low, Double high, Double maxChangePerMinute) {
        devices.pipeInput(
                device,
                Device.newBuilder()
                        .setDeviceId(device)
                        .setSiteId(site)
                        .setSensorType("temperature")
                        .setUnit("celsius")
                        .setThresholds(new Thresholds(low, high, maxChangePerMinute))
                        .setUpdatedAt(T0)
                        .build(),
                T0);
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return TestDrivers.output(driver, topic);
    }
}
