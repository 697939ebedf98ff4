package dev.streamsuite.streams.errors;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/** Undeserializable records (garbage, wrong magic byte, unknown schema id) go to the dead-letter topic. */
public class DeadLetterDeserializationHandler extends LogAndContinueExceptionHandler {

    private DeadLetterMetrics metrics = DeadLetterMetrics.from(Map.of());

    @Override
    public Response handleError(
            ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        metrics.recordDeadLetter(DeadLetterMetrics.Stage.DESERIALIZATION, context.topic(), exception);
        return super.handleError(context, record, exception);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        metrics = DeadLetterMetrics.from(configs);
    }
}
