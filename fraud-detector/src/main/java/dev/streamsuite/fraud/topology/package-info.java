/**
 * The fraud-detector topology: plain Kafka Streams wiring of the rules in
 * {@code dev.streamsuite.fraud.domain} to per-card state, the rules and blocklist global
 * tables, and the alert and decision topics. No Spring here.
 */
package dev.streamsuite.fraud.topology;
