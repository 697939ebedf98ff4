package dev.streamsuite.clickstream.topology;

import dev.streamsuite.schemas.clickstream.ClickEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/** Sessions, trending windows and decay follow when the shopper clicked, not when Kafka got it. */
final class ClickTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof ClickEvent click
                && click.getEventTime() != null
                && click.getEventTime().toEpochMilli() >= 0) {
            return click.getEventTime().toEpochMilli();
        }
        return record.timestamp();
    }
}
