package dev.streamsuite.streams.errors;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.List;
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
 * restore); and an unreachable registry is not bad data, so the thread fails and retries
 * instead of dead-lettering valid records.
 */
public class DeadLetterDeserializationHandler extends LogAndContinueExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
    private static final List<Class<? extends Exception>> UNREACHABLE = List.of(
            ConnectException.class,
            UnknownHostException.class,
            SocketTimeoutException.class,
            HttpTimeoutException.class);

    private DeadLetterMetrics metrics = DeadLetterMetrics.from(Map.of());

    @Override
    public Response handleError(
            ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (registryUnreachable(exception)) {
            log.error(
                    "Cannot reach the schema registry to read {}-{}@{}; failing so the record is retried",
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    exception);
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

    static boolean registryUnreachable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            for (var type : UNREACHABLE) {
                if (type.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }
}
