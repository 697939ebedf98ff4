/**
 * The event contract shared by all streamsuite services: the generated Avro classes (in the
 * {@code payments}, {@code iot}, {@code clickstream} and {@code common} sub-packages) and the
 * {@link dev.streamsuite.schemas.TopicCatalog}, which names every topic with its key, value
 * type, partitions, cleanup policy and retention. No Kafka or Spring code lives here.
 */
package dev.streamsuite.schemas;
