package dev.streamsuite.iot.topology;

import dev.streamsuite.iot.state.WindowState;
import dev.streamsuite.schemas.iot.AggregateScope;
import dev.streamsuite.schemas.iot.Device;
import dev.streamsuite.schemas.iot.SensorReading;
import dev.streamsuite.schemas.iot.WindowedAggregate;
import dev.streamsuite.streams.EventTimes;
import dev.streamsuite.streams.StreamsTopology;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Aggregator;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindowedKStream;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Readings keyed by device are validated and enriched from the devices table, then
 * aggregated in event-time tumbling windows per device (final result once, when the window
 * closes); closed device windows add up to hopping windows per site and sensor type. Readings
 * too late for their window go to the late-readings topic. Closed device windows feed the
 * threshold and rate alerts; a presence tracker reports silent devices and their return.
 */
public final class IotTopology implements StreamsTopology {

    public static final String DEVICES_STORE = "devices";
    public static final String DEVICE_WINDOWS_STORE = "device-windows";
    public static final String SITE_WINDOWS_STORE = "site-windows";
    public static final String PRESENCE_STORE = "device-presence";
    /** When each device goes silent or is forgotten, by deadline: see {@link DevicePresenceTracker}. */
    static final String PRESENCE_DEADLINES_STORE = "device-presence-deadlines";

    static final String MONITOR_STORE = "device-monitors";
    /** Per task, under {@link #NEWEST_READING_TIME}: the newest reading time seen, which closes windows. */
    public static final String READING_CLOCK_STORE = "reading-clock";

    public static final String NEWEST_READING_TIME = "newest-reading-time";

    /** Per task of the site windows, under {@link #NEWEST_READING_TIME}: what closes site windows. */
    static final String SITE_CLOCK_STORE = "site-reading-clock";

    private final IotTopics topics;
    private final IotSettings settings;

    public IotTopology(IotTopics topics, IotSettings settings) {
        this.topics = topics;
        this.settings = settings;
    }

    /**
     * Closed windows are looked for on every record that advances stream time, not at most once
     * per wall-clock second: a window whose closing reading came within that second would wait
     * for the next reading, indefinitely on a partition that goes quiet. The look is cheap: the
     * store is read only when stream time has passed the end of another window.
     */
    @Override
    public Map<String, Object> streamsSettings() {
        return Map.of(StreamsConfig.InternalConfig.EMIT_INTERVAL_MS_KSTREAMS_WINDOWED_AGGREGATION, 0L);
    }

    @Override
    public void addTo(StreamsBuilder builder) {
        builder.table(
                topics.devices().name(),
                topics.devices().consumed("devices-source"),
                Materialized.<String, Device, KeyValueStore<Bytes, byte[]>>as(DEVICES_STORE)
                        .withKeySerde(topics.devices().keySerde())
                        .withValueSerde(topics.devices().valueSerde()));
        // Written on every reading: cached, so each key is written to RocksDB and its changelog once
        // per commit, not once per reading.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(PRESENCE_STORE), Serdes.String(), topics.presenceStates())
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PRESENCE_DEADLINES_STORE), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(MONITOR_STORE), Serdes.String(), topics.monitorStates()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(READING_CLOCK_STORE), Serdes.String(), Serdes.Long())
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(SITE_CLOCK_STORE), Serdes.String(), Serdes.Long())
                .withCachingEnabled());

        var ingested = builder.stream(
                        topics.readings().name(),
                        topics.readings()
                                .consumed("readings")
                                .withTimestampExtractor(
                                        EventTimes.extractor(SensorReading.class, SensorReading::getEventTime)))
                .processValues(
                        () -> new ReadingIngest(settings),
                        Named.as("validate-and-enrich"),
                        DEVICES_STORE,
                        READING_CLOCK_STORE);

        ingested.filter((device, reading) -> reading.late(), Named.as("late"))
                .mapValues(WindowStates::originalOf, Named.as("late-reading"))
                .to(topics.lateReadings().name(), topics.lateReadings().produced("late-readings-out"));
        ingested.process(
                        () -> new DevicePresenceTracker(settings),
                        Named.as("track-presence"),
                        PRESENCE_STORE,
                        PRESENCE_DEADLINES_STORE,
                        MONITOR_STORE)
                .to(topics.alerts().name(), topics.alerts().produced("presence-alerts-out"));

        var readings = ingested.filter((device, reading) -> !reading.late(), Named.as("on-time"))
                .mapValues(Ingested::reading, Named.as("on-time-reading"));

        var closedDeviceWindows = closedWindows(
                readings.groupByKey(Grouped.with("readings-by-device", Serdes.String(), topics.enrichedReadings()))
                        .windowedBy(TimeWindows.ofSizeAndGrace(settings.windowSize(), settings.grace())),
                AggregateScope.DEVICE,
                DEVICE_WINDOWS_STORE,
                (device, reading, state) -> WindowStates.add(reading, state));
        var deviceAggregates = aggregates(closedDeviceWindows, AggregateScope.DEVICE, (window, state) -> window.key());
        deviceAggregates.to(
                topics.deviceAggregates().name(), topics.deviceAggregates().produced("device-aggregates-out"));
        deviceAggregates
                .processValues(
                        () -> new WindowAlertMonitor(settings), Named.as("window-alerts"), MONITOR_STORE, DEVICES_STORE)
                .flatMapValues(alerts -> alerts, Named.as("window-alert"))
                .to(topics.alerts().name(), topics.alerts().produced("window-alerts-out"));

        // Site windows add up closed device windows, not readings: one record per device and window
        // crosses the repartition, where one per reading did.
        var bySite = closedDeviceWindows
                .filter((window, state) -> state.getSiteId() != null, Named.as("known-site"))
                .process(SiteContribution::new, Named.as("by-site-and-type"))
                .repartition(Repartitioned.with(Serdes.String(), topics.windowStates())
                        .withName("device-windows-by-site"))
                .processValues(() -> new SiteLateness(settings), Named.as("site-lateness"), SITE_CLOCK_STORE)
                .groupByKey(Grouped.with("device-windows-by-site", Serdes.String(), topics.windowStates()))
                .windowedBy(TimeWindows.ofSizeAndGrace(settings.siteWindowSize(), settings.siteGrace())
                        .advanceBy(settings.siteWindowAdvance()));
        var closedSiteWindows = closedWindows(
                bySite,
                AggregateScope.SITE,
                SITE_WINDOWS_STORE,
                (site, deviceWindow, state) -> WindowStates.merge(deviceWindow, state));
        aggregates(closedSiteWindows, AggregateScope.SITE, (window, state) -> state.getSiteId())
                .to(topics.siteAggregates().name(), topics.siteAggregates().produced("site-aggregates-out"));
    }

    /**
     * The statistics of each window once it closed, keyed by the window. Processors are named after
     * the scope, e.g. {@code device-window-stats}, {@code closed-device-windows}.
     *
     * <p>A window is emitted once, from its store, when the partition's stream time passes its end
     * plus the grace ({@link EmitStrategy#onWindowClose}); nothing is held in memory meanwhile, and
     * the last window emitted is committed with the input offsets ({@link #streamsSettings()}: when
     * closed windows are looked for).
     */
    private <V> KStream<Windowed<String>, WindowState> closedWindows(
            TimeWindowedKStream<String, V> windows,
            AggregateScope scope,
            String store,
            Aggregator<String, V, WindowState> add) {
        String name = scope.name().toLowerCase(Locale.ROOT);
        return windows.emitStrategy(EmitStrategy.onWindowClose())
                .aggregate(WindowStates::empty, add, Named.as(name + "-window-stats"), windowStore(store))
                .toStream(Named.as("closed-" + name + "-windows"));
    }

    /** Closed windows as aggregates of {@code scope} keyed by their subject (the device, or the site). */
    private static KStream<String, WindowedAggregate> aggregates(
            KStream<Windowed<String>, WindowState> closed,
            AggregateScope scope,
            BiFunction<Windowed<String>, WindowState, String> subject) {
        return closed.map(
                (window, state) -> {
                    String of = subject.apply(window, state);
                    return KeyValue.pair(
                            of,
                            WindowStates.toAggregate(
                                    scope,
                                    of,
                                    window.window().startTime(),
                                    window.window().endTime(),
                                    state));
                },
                Named.as(scope.name().toLowerCase(Locale.ROOT) + "-aggregate"));
    }

    private Materialized<String, WindowState, WindowStore<Bytes, byte[]>> windowStore(String name) {
        return Materialized.<String, WindowState, WindowStore<Bytes, byte[]>>as(name)
                .withKeySerde(Serdes.String())
                .withValueSerde(topics.windowStates())
                .withRetention(settings.retention());
    }
}
