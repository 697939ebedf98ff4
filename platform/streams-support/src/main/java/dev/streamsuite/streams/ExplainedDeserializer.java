package dev.streamsuite.streams;

import dev.streamsuite.streams.errors.RegistryOutage;
import io.apicurio.registry.rest.client.exception.RestClientException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The registry deserializer, with failures that say what is wrong with the record. Apicurio
 * reports a record that is not in the Confluent wire format as "Headers cannot be null" (an
 * {@code IllegalStateException}), a short one as a {@code BufferUnderflowException}, and corrupt
 * or incompatible Avro as whatever the decoder hit. Here each becomes an
 * {@link UnreadableRecordException} naming the problem and, where it helps, the fix. A registry
 * that does not answer is left as it is: that is an outage, not a bad record.
 */
final class ExplainedDeserializer<V> implements Deserializer<V> {

    /** Magic byte 0, then the 4-byte schema (content) id. */
    static final int HEADER_LENGTH = 5;

    private final Deserializer<V> registry;
    private final String type;

    ExplainedDeserializer(Deserializer<V> registry, Class<V> type) {
        this.registry = registry;
        this.type = type.getSimpleName();
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        registry.configure(configs, isKey);
    }

    @Override
    public V deserialize(String topic, byte[] data) {
        return deserialize(topic, null, data);
    }

    @Override
    public V deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length > 0 && data[0] != 0) {
            throw new UnreadableRecordException(String.format(
                    "Not in the Confluent wire format: the first byte is 0x%02x, where the magic byte 0 was "
                            + "expected. Producers must use a Confluent-compatible Avro serializer with the "
                            + "registry's /apis/ccompat/v7 API.",
                    data[0]));
        }
        if (data.length < HEADER_LENGTH) {
            throw new UnreadableRecordException("Truncated: " + data.length + " bytes, fewer than the " + HEADER_LENGTH
                    + " of the wire format's magic byte and schema id.");
        }
        int schemaId = ByteBuffer.wrap(data, 1, 4).getInt();
        try {
            return headers == null ? registry.deserialize(topic, data) : registry.deserialize(topic, headers, data);
        } catch (RuntimeException e) {
            if (RegistryOutage.causes(e)) {
                throw e;
            }
            if (notFound(e)) {
                throw new UnreadableRecordException(
                        "Unknown schema id " + schemaId + ": the registry has no schema with this id. Was the "
                                + "record written against another registry?",
                        e);
            }
            throw new UnreadableRecordException(
                    "Not readable as " + type + " with the writer's schema id " + schemaId + ": " + rootCause(e)
                            + ". The record is truncated or corrupt, or its schema is incompatible with "
                            + type + ".",
                    e);
        }
    }

    @Override
    public void close() {
        registry.close();
    }

    private static boolean notFound(Throwable exception) {
        for (Throwable cause = exception; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof RestClientException rest
                    && rest.getError() != null
                    && Integer.valueOf(404).equals(rest.getError().getErrorCode())) {
                return true;
            }
        }
        return false;
    }

    private static String rootCause(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null
                ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + " (" + root.getMessage() + ")";
    }
}
