package dev.streamsuite.iot.domain;

/** Which threshold alert of a device is active. */
public enum ThresholdState {
    NORMAL,
    HIGH,
    LOW
}
