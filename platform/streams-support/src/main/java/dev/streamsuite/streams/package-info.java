/**
 * What every service's topology uses, free of Spring: typed topics, registry-backed Avro
 * serdes in the Confluent wire format, and the {@link dev.streamsuite.streams.StreamsTopology}
 * contract through which a service hands its topology to the platform.
 */
package dev.streamsuite.streams;
