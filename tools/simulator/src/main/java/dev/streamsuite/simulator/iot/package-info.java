/** Sensor readings with threshold, silence, late and corrupt scenarios. */
package dev.streamsuite.simulator.iot;
