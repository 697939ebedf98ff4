package dev.streamsuite.fraud.rules;

/** What to do with a payment. */
public enum Verdict {
    APPROVE,
    REVIEW,
    DECLINE
}
