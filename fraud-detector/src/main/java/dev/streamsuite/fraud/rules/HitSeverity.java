package dev.streamsuite.fraud.rules;

/** How urgently a human should look at a rule hit. */
public enum HitSeverity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
