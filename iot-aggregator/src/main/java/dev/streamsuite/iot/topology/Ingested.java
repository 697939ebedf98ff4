package dev.streamsuite.iot.topology;

import dev.streamsuite.iot.state.EnrichedReading;

/**
 * A valid reading with its device's data, marked late when its window has already closed.
 * Never leaves the topology.
 */
record Ingested(EnrichedReading reading, boolean late) {}
