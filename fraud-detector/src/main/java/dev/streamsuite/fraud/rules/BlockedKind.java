package dev.streamsuite.fraud.rules;

/** What a blocklist entry blocks. */
public enum BlockedKind {
    CARD,
    ACCOUNT,
    MERCHANT
}
