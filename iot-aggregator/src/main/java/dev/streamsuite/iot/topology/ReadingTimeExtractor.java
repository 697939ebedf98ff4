package dev.streamsuite.iot.topology;

import dev.streamsuite.schemas.iot.SensorReading;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/** Windows follow the time the device measured, not when the reading reached Kafka. */
final class ReadingTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof SensorReading reading
                && reading.getEventTime() != null
                && reading.getEventTime().toEpochMilli() >= 0) {
            return reading.getEventTime().toEpochMilli();
        }
        return record.timestamp();
    }
}
