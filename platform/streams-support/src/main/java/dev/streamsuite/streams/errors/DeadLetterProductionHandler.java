package dev.streamsuite.streams.errors;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Output that cannot be serialized (e.g. the registry rejects the schema) or that the broker
 * refuses for good (e.g. too large) is dead-lettered with the source record instead of
 * failing the task, which would replay the same record into the same error forever.
 * Retriable broker errors are retried as by default.
 */
public class DeadLetterProductionHandler extends DefaultProductionExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterProductionHandler.class);

    private DeadLetterMetrics metrics = DeadLetterMetrics.from(Map.of());

    @Override
    public Response handleError(
            ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            return super.handleError(context, record, exception);
        }
        metrics.recordDeadLetter(DeadLetterMetrics.Stage.PRODUCTION, context.topic(), exception);
        log.warn(
                "Output for the record at {}-{}@{} was refused; dead-lettering the source record",
                context.topic(),
                context.partition(),
                context.offset(),
                exception);
        return Response.resume(super.handleError(context, record, exception).deadLetterQueueRecords());
    }

    @SuppressWarnings("rawtypes")
    @Override
    public Response handleSerializationError(
            ErrorHandlerContext context,
            ProducerRecord record,
            Exception exception,
            SerializationExceptionOrigin origin) {
        if (RegistryOutage.failsOn(exception, context, "write output of")) {
            return Response.fail();
        }
        metrics.recordDeadLetter(DeadLetterMetrics.Stage.PRODUCTION, context.topic(), exception);
        log.warn(
                "Output for the record at {}-{}@{} could not be serialized ({}); dead-lettering the source record",
                context.topic(),
                context.partition(),
                context.offset(),
                origin,
                exception);
        return Response.resume(super.handleSerializationError(context, record, exception, origin)
                .deadLetterQueueRecords());
    }

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        metrics = DeadLetterMetrics.from(configs);
    }
}
