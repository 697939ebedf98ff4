package dev.streamsuite.streams;

/**
 * Thrown by a topology for a record that deserialized but makes no sense in its domain
 * (a payment without a card, a NaN reading). The platform's processing-error handler sends
 * the record to the service's dead-letter topic with this message in its headers and goes on.
 */
public class InvalidRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidRecordException(String message) {
        super(message);
    }
}
