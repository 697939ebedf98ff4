package dev.streamsuite.iot.api;

import java.time.Instant;
import java.util.List;

/** The JSON answer of {@code /devices/{id}/aggregates}: a device's windows in a time range. */
record AggregatesView(String deviceId, Instant from, Instant to, List<AggregateView> windows) {}
