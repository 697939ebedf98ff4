/** Spring wiring of the fraud-detector: settings from application.yml, the topology bean. */
package dev.streamsuite.fraud.config;
