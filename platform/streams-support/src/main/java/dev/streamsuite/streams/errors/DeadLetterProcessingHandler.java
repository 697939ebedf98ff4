package dev.streamsuite.streams.errors;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Records a processor rejects ({@link dev.streamsuite.streams.InvalidRecordException}) or
 * fails on go to the dead-letter topic with their original bytes.
 */
public class DeadLetterProcessingHandler extends LogAndContinueProcessingExceptionHandler {

    private DeadLetterMetrics metrics = DeadLetterMetrics.from(Map.of());

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        metrics.recordDeadLetter(DeadLetterMetrics.Stage.PROCESSING, context.topic(), exception);
        return super.handleError(context, record, exception);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        metrics = DeadLetterMetrics.from(configs);
    }
}
