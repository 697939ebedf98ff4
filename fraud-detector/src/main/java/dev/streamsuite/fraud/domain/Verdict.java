package dev.streamsuite.fraud.domain;

/** What to do with a payment. */
public enum Verdict {
    APPROVE,
    REVIEW,
    DECLINE
}
