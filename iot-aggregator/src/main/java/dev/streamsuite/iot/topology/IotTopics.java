package dev.streamsuite.iot.topology;

import dev.streamsuite.iot.state.DeviceMonitorState;
import dev.streamsuite.iot.state.DevicePresenceState;
import dev.streamsuite.iot.state.EnrichedReading;
import dev.streamsuite.iot.state.WindowState;
import dev.streamsuite.schemas.TopicCatalog;
import dev.streamsuite.schemas.iot.Device;
import dev.streamsuite.schemas.iot.DeviceAlert;
import dev.streamsuite.schemas.iot.SensorReading;
import dev.streamsuite.schemas.iot.WindowedAggregate;
import dev.streamsuite.streams.AvroSerdes;
import dev.streamsuite.streams.Topic;
import org.apache.kafka.common.serialization.Serde;

/** The topics iot-aggregator reads and writes, and the serdes of its internal records. */
public record IotTopics(
        Topic<String, SensorReading> readings,
        Topic<String, Device> devices,
        Topic<String, WindowedAggregate> deviceAggregates,
        Topic<String, WindowedAggregate> siteAggregates,
        Topic<String, DeviceAlert> alerts,
        Topic<String, SensorReading> lateReadings,
        Serde<EnrichedReading> enrichedReadings,
        Serde<WindowState> windowStates,
        Serde<DeviceMonitorState> monitorStates,
        Serde<DevicePresenceState> presenceStates) {

    public static IotTopics from(AvroSerdes serdes) {
        return new IotTopics(
                serdes.topic(TopicCatalog.SENSOR_READINGS),
                serdes.topic(TopicCatalog.DEVICES),
                serdes.topic(TopicCatalog.DEVICE_AGGREGATES),
                serdes.topic(TopicCatalog.SITE_AGGREGATES),
                serdes.topic(TopicCatalog.DEVICE_ALERTS),
                serdes.topic(TopicCatalog.LATE_READINGS),
                serdes.internalSerde(EnrichedReading.class),
                serdes.internalSerde(WindowState.class),
                serdes.internalSerde(DeviceMonitorState.class),
                serdes.internalSerde(DevicePresenceState.class));
    }
}
