package dev.streamsuite.iot.telemetry;

/** Whether a device is reporting. */
public enum PresenceState {
    ONLINE,
    SILENT
}
