/** HTTP queries answered from the service's own state. */
package dev.streamsuite.clickstream.api;
