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

    /**
     * Rejects a record whose key is not the id it carries in {@code field}. State follows the
     * record key (its partition), lookups and queries follow the id: a record under another key
     * would be processed against another key's state.
     *
     * @param record names the record in the message, e.g. {@code "Payment tx-1"}
     * @param hint what the producer should do, or null
     */
    public static void requireKeyIs(String key, String field, String id, String record, String hint) {
        if (!id.equals(key)) {
            throw new InvalidRecordException(record + ": the record key '" + key + "' must be the " + field + " '" + id
                    + "'" + (hint == null ? "." : "; " + hint + "."));
        }
    }
}
