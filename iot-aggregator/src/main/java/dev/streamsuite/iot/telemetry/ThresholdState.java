package dev.streamsuite.iot.telemetry;

/** Which threshold alert of a device is active. */
public enum ThresholdState {
    NORMAL,
    HIGH,
    LOW
}
