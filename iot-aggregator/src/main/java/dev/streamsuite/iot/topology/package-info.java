/**
 * The iot-aggregator topology: plain Kafka Streams wiring of the telemetry logic in
 * {@code dev.streamsuite.iot.domain} to event-time windows, the devices table, alert state
 * and presence. No Spring here.
 */
package dev.streamsuite.iot.topology;
