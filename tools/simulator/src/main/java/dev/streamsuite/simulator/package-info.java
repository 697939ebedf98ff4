/**
 * Traffic simulator and evaluator for the suite, without any Kafka client code: seeded generators of payments, sensor
 * readings and clicks that inject labelled incidents ({@link dev.streamsuite.simulator.GroundTruth}), and an {@link
 * dev.streamsuite.simulator.Evaluator} that scores the alerts the services raised against those labels. Records leave
 * through {@link dev.streamsuite.simulator.Emit}, which a Kafka-backed caller implements.
 */
package dev.streamsuite.simulator;
