package dev.streamsuite.fraud.domain;

/** How urgently a human should look at a rule hit. */
public enum HitSeverity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
