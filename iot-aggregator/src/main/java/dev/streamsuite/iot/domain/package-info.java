/**
 * The telemetry logic of the IoT aggregator as pure functions: window statistics, reading validation, alert state
 * machines, alert ids and window arithmetic. Nothing here knows about Kafka, Avro or the clock.
 *
 * <p>Conventions shared by the classes:
 *
 * <ul>
 *   <li>Every decision is made in event time or on an instant the caller passes in; nothing reads the clock, so
 *       replaying the same input gives the same output.
 *   <li>Alert logic is a state machine: the caller keeps the state between calls (in a state store) and gets back the
 *       new state plus at most one event, e.g. {@link dev.streamsuite.iot.domain.ThresholdTransition}. An event is
 *       emitted only on a change of state, so an ongoing condition alerts once.
 *   <li>Events carry a {@code reason} for a human, with the figures that were compared.
 *   <li>Invalid arguments (NaN statistics, negative durations, thresholds out of order) throw
 *       {@link java.lang.IllegalArgumentException} or {@link java.lang.NullPointerException}; readings themselves are
 *       screened by {@link dev.streamsuite.iot.domain.ReadingValidation} before they reach the statistics.
 * </ul>
 */
package dev.streamsuite.iot.domain;
