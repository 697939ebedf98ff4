/**
 * Traffic simulator and evaluator for the suite, without any Kafka client code. One generator per
 * domain ({@code payments}, {@code iot}, {@code clicks}), each a {@link
 * dev.streamsuite.simulator.ScenarioTraffic}: seeded normal traffic plus labelled incidents whose
 * {@link dev.streamsuite.simulator.GroundTruth} it records. {@code evaluation} scores the alerts
 * the services raised against those labels. Records leave through {@link
 * dev.streamsuite.simulator.Emit}, which a Kafka-backed caller ({@code cli}) implements.
 */
package dev.streamsuite.simulator;
