package dev.streamsuite.streams.errors;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a processor rejects ({@link dev.streamsuite.streams.InvalidRecordException}) or
 * fails on go to the dead-letter topic with their original bytes, unless the failure is the
 * schema registry not answering ({@link RegistryOutage}): then the thread fails and the record is
 * retried.
 *
 * <p>A punctuator that throws has no record to dead-letter, and may have done part of its work:
 * going on would commit that part. So the failure is counted
 * ({@code streamsuite_punctuation_failures_total}), logged once with the processor and task, and
 * fails the stream thread: its transaction is aborted and the replacement thread (see
 * {@code streamsuite.streams.on-uncaught-error}) resumes from the last commit. Nothing is lost.
 */
public class DeadLetterProcessingHandler extends LogAndContinueProcessingExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    private DeadLetterMetrics metrics = DeadLetterMetrics.from(Map.of());

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (record == null) {
            metrics.recordPunctuationFailure(context.processorNodeId(), exception);
            log.error(
                    "Punctuation of processor {} in task {} failed; failing the stream thread so that its "
                            + "transaction is aborted and the work is redone from the last commit",
                    context.processorNodeId(),
                    context.taskId(),
                    exception);
            return Response.fail();
        }
        // A state store or repartition serde that needs the registry: not a bad record.
        if (RegistryOutage.failsOn(exception, context, "process")) {
            return Response.fail();
        }
        metrics.recordDeadLetter(DeadLetterMetrics.Stage.PROCESSING, context.topic(), exception);
        return super.handleError(context, record, exception);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        metrics = DeadLetterMetrics.from(configs);
    }
}
