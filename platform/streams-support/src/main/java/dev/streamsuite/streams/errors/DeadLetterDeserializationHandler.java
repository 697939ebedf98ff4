package dev.streamsuite.streams.errors;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Undeserializable records (garbage, wrong magic byte, unknown schema id) go to the
 * dead-letter topic. Two exceptions: records of global tables are skipped and logged (the
 * global thread has no dead-letter producer, and failing would stop the service on every
 * restore); and a registry that cannot answer is not bad data ({@link RegistryOutage}), so the
 * thread fails and retries instead of dead-lettering valid records.
 */
public class DeadLetterDeserializationHandler extends LogAndContinueExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
    private DeadLetterMetrics metrics = DeadLetterMetrics.from(Map.of());

    @Override
    public Response handleError(
            ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (RegistryOutage.failsOn(exception, context, "read")) {
            return Response.fail();
        }
        if (context.taskId().subtopology() < 0) {
            metrics.recordSkipped(context.topic(), exception);
            log.warn(
                    "Skipping undeserializable record {}-{}@{} of a global table: {}",
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    exception.toString());
            return Response.resume();
        }
        metrics.recordDeadLetter(DeadLetterMetrics.Stage.DESERIALIZATION, context.topic(), exception);
        return super.handleError(context, record, exception);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        metrics = DeadLetterMetrics.from(configs);
    }
}
