/** HTTP interactive queries over the service's own state stores. */
package dev.streamsuite.iot.api;
