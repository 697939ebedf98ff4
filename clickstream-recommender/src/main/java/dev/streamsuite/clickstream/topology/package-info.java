/**
 * The clickstream-recommender topology: plain Kafka Streams wiring of the model in
 * {@code dev.streamsuite.clickstream.domain} to session windows, per-item and per-user state,
 * hopping-window trending and global stores. No Spring here.
 */
package dev.streamsuite.clickstream.topology;
