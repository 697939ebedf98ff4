package dev.streamsuite.fraud.topology;

import dev.streamsuite.schemas.payments.Transaction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Stream time follows the payments' own event time, not when they reached Kafka. Records
 * without one keep the broker timestamp; validation rejects them downstream.
 */
final class EventTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof Transaction payment
                && payment.getEventTime() != null
                && payment.getEventTime().toEpochMilli() >= 0) {
            return payment.getEventTime().toEpochMilli();
        }
        return record.timestamp();
    }
}
