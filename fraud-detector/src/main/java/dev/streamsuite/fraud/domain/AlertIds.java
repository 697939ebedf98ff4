package dev.streamsuite.fraud.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic ids, so that a replayed or redelivered payment produces the same alert and decision ids and consumers
 * can drop the duplicates.
 *
 * <p>An id is the name-based (version 3) UUID of a canonical string: a kind tag, then each part as its length in
 * UTF-16 chars, a colon and the part, e.g. {@code fraud-alert|8:velocity|1:3|4:c-42|5:tx-17}. The length prefixes
 * keep parts that contain the separator from running into each other. Other services may rebuild the ids from this
 * description.
 */
public final class AlertIds {

    private AlertIds() {}

    /** The same rule version firing for the same card and payment always gets the same id. */
    public static String alertId(String ruleId, int ruleVersion, String cardId, String transactionId) {
        return nameUuid("fraud-alert", ruleId, Integer.toString(ruleVersion), cardId, transactionId);
    }

    public static String decisionId(String transactionId) {
        return nameUuid("payment-decision", transactionId);
    }

    private static String nameUuid(String kind, String... parts) {
        StringBuilder name = new StringBuilder(kind);
        for (String part : parts) {
            if (part == null) {
                throw new NullPointerException("id parts must not be null");
            }
            name.append('|').append(part.length()).append(':').append(part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
