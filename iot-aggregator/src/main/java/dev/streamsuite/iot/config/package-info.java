/** Spring wiring of the iot-aggregator: settings from application.yml, the topology bean. */
package dev.streamsuite.iot.config;
