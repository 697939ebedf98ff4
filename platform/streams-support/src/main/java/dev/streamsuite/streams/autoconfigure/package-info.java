/**
 * The Spring Boot auto-configuration a service gets by depending on streams-support: it runs
 * the service's {@link dev.streamsuite.streams.StreamsTopology} with exactly-once processing,
 * dead-letter handling, registry serdes, topic creation, health groups and metrics, all
 * configured from {@code application.yml} / environment.
 */
package dev.streamsuite.streams.autoconfigure;
