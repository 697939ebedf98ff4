package dev.streamsuite.fraud.domain;

import dev.streamsuite.streams.DeterministicIds;

/**
 * The ids of fraud-detector's outputs, built as {@link DeterministicIds} describes, so that a replayed or redelivered
 * payment produces the same alert and decision ids and consumers can drop the duplicates.
 */
public final class AlertIds {

    private AlertIds() {}

    /** The same rule version firing for the same card and payment always gets the same id. */
    public static String alertId(String ruleId, int ruleVersion, String cardId, String transactionId) {
        return DeterministicIds.of("fraud-alert", ruleId, Integer.toString(ruleVersion), cardId, transactionId);
    }

    public static String decisionId(String transactionId) {
        return DeterministicIds.of("payment-decision", transactionId);
    }
}
