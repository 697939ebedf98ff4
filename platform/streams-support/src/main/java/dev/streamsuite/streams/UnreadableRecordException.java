package dev.streamsuite.streams;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record that cannot be read, with what is wrong with it in words: its class and message are
 * what the dead-letter topic's {@code __streams.errors.exception} and {@code .message} headers
 * show.
 */
public class UnreadableRecordException extends SerializationException {

    private static final long serialVersionUID = 1L;

    public UnreadableRecordException(String message) {
        super(message);
    }

    public UnreadableRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
