package dev.streamsuite.iot.domain;

/** Whether a device is reporting. */
public enum PresenceState {
    ONLINE,
    SILENT
}
