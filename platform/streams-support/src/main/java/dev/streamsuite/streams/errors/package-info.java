/**
 * Dead-letter handling on top of Kafka Streams' built-in dead-letter queue (KIP-1034): bad
 * records are written to the service's dead-letter topic in the same transaction as the
 * rest of the task's output, counted, and skipped, so bad input never stops a service.
 */
package dev.streamsuite.streams.errors;
