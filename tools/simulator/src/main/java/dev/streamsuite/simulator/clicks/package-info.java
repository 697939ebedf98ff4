/** Shopper sessions, and bot sessions on accounts compromised in the payments traffic. */
package dev.streamsuite.simulator.clicks;
