/**
 * The simulator as a program: publishes the generators' traffic to Kafka through the registry
 * (Confluent wire format), writes the ground truth, collects the services' alerts
 * ({@code read_committed}) and reports precision, recall and latency per alert kind.
 */
package dev.streamsuite.simulator.cli;
