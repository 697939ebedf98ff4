/** Spring wiring of the clickstream-recommender: settings, the topology, its own topics. */
package dev.streamsuite.clickstream.config;
