/** Card payments with fraud scenarios, built against fraud-detector's own settings and amount baseline. */
package dev.streamsuite.simulator.payments;
