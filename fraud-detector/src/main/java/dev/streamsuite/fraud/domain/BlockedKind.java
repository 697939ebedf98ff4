package dev.streamsuite.fraud.domain;

/** What a blocklist entry blocks. */
public enum BlockedKind {
    CARD,
    ACCOUNT,
    MERCHANT
}
