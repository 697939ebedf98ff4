package dev.streamsuite.iot.api;

import java.time.Instant;

/** The JSON answer of {@code /devices/{id}/latest}: the newest reading of a device. */
record LatestView(String deviceId, String siteId, String readingId, double value, Instant eventTime, boolean silent) {}
