/**
 * Interactive queries over HTTP: a service's {@code api} endpoints answer from its state stores
 * through {@link dev.streamsuite.streams.query.StoreQueries}, which reads the key's partition
 * locally or forwards the request to the instance that owns it.
 */
package dev.streamsuite.streams.query;
